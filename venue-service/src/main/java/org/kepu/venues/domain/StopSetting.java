package org.kepu.venues.domain;

import org.kepu.common.vocabulary.Labelled;

/** Where a touring stop reaches people: 进校园、进农村、进社区. */
public enum StopSetting implements Labelled {
    SCHOOL, VILLAGE, COMMUNITY;
}
