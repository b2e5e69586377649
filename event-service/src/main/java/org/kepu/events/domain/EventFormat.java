package org.kepu.events.domain;

import org.kepu.common.vocabulary.Labelled;

/** Where people take part: in person, online through a stream, or both. */
public enum EventFormat implements Labelled {
    OFFLINE("线下", "In person"), ONLINE("线上", "Online"), HYBRID("线上线下结合", "Hybrid");

    private final String labelZh;
    private final String labelEn;

    EventFormat(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    @Override
    public String labelZh() {
        return labelZh;
    }

    @Override
    public String labelEn() {
        return labelEn;
    }

    /** Online and hybrid events need a stream link. */
    public boolean isStreamed() {
        return this != OFFLINE;
    }
}
