package org.kepu.venues.domain;

import org.kepu.common.vocabulary.Labelled;

/**
 * Where a base's certification stands. {@link #NOT_YET_VALID} and {@link #LAPSED} are never stored: they are a
 * certificate read before its validity began or after it ended, so it comes into force and lapses on the day without a
 * job having to run.
 */
public enum CertificationStatus implements Labelled {
    APPLIED, CERTIFIED, NOT_YET_VALID, LAPSED, SUSPENDED, REVOKED;
}
