package org.kepu.gateway.policy;

import java.util.Optional;

import org.kepu.gateway.domain.RequestFraming;

/**
 * A head the service might frame otherwise than the gateway (RFC 9112: two lengths, an encoding it cannot read, no
 * Host on HTTP/1.1) is refused with 400, and the connection closes: where the next request begins is unknown.
 */
public final class FramingStep implements PolicyStep {

    @Override
    public Optional<Answer> apply(RequestHead head, Admission admission) {
        if (head.http2()) {
            return Optional.empty();
        }
        return RequestFraming.refusal(head.http11(), head.headers("Host"), head.headers("Transfer-Encoding"))
                .map(refusal -> {
                    admission.uriTemplate = Admission.INVALID_REQUEST;
                    return Answer.problem(400, "malformed-request", "Malformed request", refusal)
                            .then(Answer.Connection.CLOSE);
                });
    }
}
