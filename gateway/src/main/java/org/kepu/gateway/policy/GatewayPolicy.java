package org.kepu.gateway.policy;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.kepu.gateway.config.GatewayConfig;
import org.kepu.gateway.domain.CorsPolicy;
import org.kepu.gateway.domain.RouteTable;
import org.kepu.gateway.domain.TrustedProxies;
import org.kepu.gateway.service.RateLimiter;
import org.kepu.gateway.service.TokenVerifier;

/**
 * The gateway's policy for an API request, as ordered steps: request id, framing, CORS, path, expectation, client
 * address, route (with the declared body limit), then authentication and rate limit. The first step that answers
 * ends the request. The order matters: a path is normalised before it is routed, routed before its anonymous reads
 * are decided, and a preflight is answered before anything that would need a token.
 * <p>
 * The steps up to the route are {@link #screen}ed on the event loop; {@link #admit} (authentication and rate limit)
 * runs on a worker when a token is to be verified ({@link #admitsOnWorker}). The transport calls this class; it never
 * calls the transport.
 */
@Singleton
public class GatewayPolicy {

    private final RequestIdStep requestId = new RequestIdStep();
    private final List<PolicyStep> screening;
    private final AuthenticationStep authentication;
    private final List<PolicyStep> admission;

    public GatewayPolicy(GatewayConfig config, CorsPolicy cors, TrustedProxies trustedProxies, RouteTable routes,
            TokenVerifier verifier, RateLimiter rateLimiter) {
        // The request id is not among them: identify() gives it first, before the transport times the request.
        this.screening = List.of(new FramingStep(), new CorsStep(cors), new PathStep(),
                new ExpectationStep(), new ClientAddressStep(trustedProxies),
                new RouteStep(routes, config.maxBodyBytes()));
        this.authentication = new AuthenticationStep(verifier);
        this.admission = List.of(authentication, new RateLimitStep(rateLimiter));
    }

    /** The request id alone: for a request the HTTP decoder refused, which no other step can read. */
    public void identify(RequestHead head, Admission decided) {
        requestId.apply(head, decided);
    }

    /** The steps before authentication, in order, after {@link #identify}; the first answer ends the request. */
    public Optional<Answer> screen(RequestHead head, Admission decided) {
        return run(screening, head, decided);
    }

    /** Whether {@link #admit} may block (a token to verify) and so must run off the event loop. */
    public boolean admitsOnWorker(RequestHead head) {
        return authentication.verifiesToken(head);
    }

    /** Authentication and rate limit, after {@link #screen} let the request through. */
    public Optional<Answer> admit(RequestHead head, Admission decided) {
        return run(admission, head, decided);
    }

    private static Optional<Answer> run(List<PolicyStep> steps, RequestHead head, Admission decided) {
        for (PolicyStep step : steps) {
            Optional<Answer> answer = step.apply(head, decided);
            if (answer.isPresent()) {
                return answer;
            }
        }
        return Optional.empty();
    }
}
