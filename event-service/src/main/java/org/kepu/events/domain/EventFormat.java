package org.kepu.events.domain;

import org.kepu.common.vocabulary.Labelled;

/** Where people take part: in person, online through a stream, or both. */
public enum EventFormat implements Labelled {
    OFFLINE, ONLINE, HYBRID;

    /** Online and hybrid events need a stream link. */
    public boolean isStreamed() {
        return this != OFFLINE;
    }
}
