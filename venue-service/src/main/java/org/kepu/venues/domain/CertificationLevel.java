package org.kepu.venues.domain;

import org.kepu.common.vocabulary.Labelled;

/** Who certified a science education base (科普教育基地). */
public enum CertificationLevel implements Labelled {
    NATIONAL, PROVINCIAL, MUNICIPAL, DISTRICT;
}
