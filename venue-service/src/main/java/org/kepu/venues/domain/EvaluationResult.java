package org.kepu.venues.domain;

import org.kepu.common.vocabulary.Labelled;

/** The outcome of a base's annual evaluation (年度考核). */
public enum EvaluationResult implements Labelled {
    EXCELLENT, PASS, NEEDS_IMPROVEMENT, FAIL;
}
