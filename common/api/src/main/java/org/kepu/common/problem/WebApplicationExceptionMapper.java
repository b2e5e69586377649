package org.kepu.common.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Framework-raised HTTP errors (unknown path, wrong method, unsupported media type…) in the problem shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        if (exception.getCause() instanceof ProblemException problem) {
            // A parameter converter refused a value; Jakarta REST wrapped it in a 404 that would hide which one.
            return problem.problem().toResponse();
        }
        if (exception.getCause() instanceof JsonProcessingException json) {
            // The JSON reader wraps its own failure; the client needs to know where the body went wrong.
            return JsonInputMapper.toProblem(json).toResponse();
        }
        Problem problem = switch (status) {
            case 400 ->
                Problem.of(400, "bad-request", "Bad request", messageOr(exception, "The request could not be read"), null);
            case 401 -> Problem.of(401, "unauthorized", "Authentication required", "Send a valid bearer token", null);
            case 403 -> Problem.of(403, "forbidden", "Not allowed", "Your roles do not allow this request", null);
            case 404 -> Problem.of(404, "not-found", "Resource not found", "Nothing is served at this path", null);
            case 405 -> Problem.of(405, "method-not-allowed", "Method not allowed",
                    "This resource does not support that HTTP method", null);
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable",
                    "This resource cannot produce the media type asked for in Accept", null);
            case 415 -> Problem.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json", null);
            default -> Problem.of(status, "http-" + status, original.getStatusInfo().getReasonPhrase(),
                    messageOr(exception, original.getStatusInfo().getReasonPhrase()), null);
        };
        Response.ResponseBuilder response = Response.fromResponse(problem.toResponse());
        // Keep headers such as Allow (405) and WWW-Authenticate (401) that the framework set.
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    private static String messageOr(WebApplicationException exception, String fallback) {
        String message = exception.getMessage();
        return message == null || message.startsWith("HTTP ") ? fallback : message;
    }
}
