package org.kepu.venues.domain;

import org.kepu.common.vocabulary.Labelled;

/** The moves of a base's certification history; {@link BaseCertification} says which may follow which. */
public enum CertificationMoveType implements Labelled {
    APPLY, CERTIFY, EVALUATE, SUSPEND, REINSTATE, REVOKE, RECERTIFY;
}
