package org.kepu.gateway.policy;

import java.util.Optional;

/**
 * One check of the gateway's policy. A step reads the request's head and what the steps before it decided, adds its
 * own decision to the admission, and either lets the request go on (empty) or stops it with an answer. Steps do no
 * I/O of their own, apart from a token verification's key fetch, and never touch a connection: the transport sends
 * their answers.
 */
public interface PolicyStep {

    /** Empty to go on; otherwise the answer that ends the request here. */
    Optional<Answer> apply(RequestHead head, Admission admission);
}
