package org.kepu.gateway.policy;

import java.util.Optional;

import org.kepu.gateway.domain.RequestFraming;
import org.kepu.gateway.domain.Route;
import org.kepu.gateway.domain.RouteTable;

/**
 * The route owning the (normalised) path; 404 when none does. A body declared larger than the gateway takes is
 * refused first with 413, before a byte of it is read.
 */
public final class RouteStep implements PolicyStep {

    private final RouteTable routes;
    private final long maxBodyBytes;

    public RouteStep(RouteTable routes, long maxBodyBytes) {
        this.routes = routes;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Optional<Answer> apply(RequestHead head, Admission admission) {
        String length = head.header("Content-Length");
        if (length != null && RequestFraming.declaredLength(length) > maxBodyBytes) {
            return Optional.of(Answer.bodyTooLarge(maxBodyBytes).then(Answer.Connection.REFUSE_BODY));
        }
        Route route = routes.routeFor(admission.path).orElse(null);
        if (route == null) {
            admission.uriTemplate = Admission.NO_ROUTE;
            return Optional.of(Answer.problem(404, "not-found", "Resource not found",
                    "No Kepu API is served at this path"));
        }
        admission.route = route;
        admission.uriTemplate = route.template(admission.path);
        return Optional.empty();
    }
}
