package org.kepu.reporting.domain;

import org.kepu.common.vocabulary.Labelled;

/** Where a unit stands on a plan's task, as its completion report says. */
public enum ReportStatus implements Labelled {
    NOT_STARTED, IN_PROGRESS, DONE, NOT_DONE;

    /** Whether the unit still has work to report on (its to-do list keeps the task). */
    public boolean isOpen() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }
}
