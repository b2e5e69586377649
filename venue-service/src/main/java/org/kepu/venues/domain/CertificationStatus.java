package org.kepu.venues.domain;

import org.kepu.common.vocabulary.Labelled;

/**
 * Where a base's certification stands. {@link #LAPSED} is never stored: it is a certificate read after its validity
 * ended, so it lapses on the day without a job having to run.
 */
public enum CertificationStatus implements Labelled {
    APPLIED, CERTIFIED, LAPSED, SUSPENDED, REVOKED;
}
