package org.kepu.gateway.policy;

import java.util.Optional;

/**
 * The only expectation HTTP defines is {@code 100-continue}; any other is refused with 417 (RFC 9110 §10.1.1), and
 * the connection is announced to close, since the body may follow unasked. Continuing is the transport's: it tells
 * the client to send its body once every step has admitted the request.
 */
public final class ExpectationStep implements PolicyStep {

    @Override
    public Optional<Answer> apply(RequestHead head, Admission admission) {
        String expect = head.header("Expect");
        if (expect == null || expect.trim().equalsIgnoreCase("100-continue")) {
            return Optional.empty();
        }
        return Optional.of(Answer.problem(417, "expectation-failed", "Expectation failed",
                "Only Expect: 100-continue is understood").then(Answer.Connection.ANNOUNCE_CLOSE));
    }
}
