package org.kepu.common.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.kepu.common.problem.Problem;

/**
 * Gives every error answer of every operation the one problem schema (RFC 9457), so that client generators type them;
 * operations that take input also document 400, and those that need a token 401 and 403. Resources then declare only which errors they answer and
 * why, never the shape. Registered for every service through {@code mp.openapi.filter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    /** The schema's name in {@code components/schemas}. */
    public static final String PROBLEM = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Components components = openAPI.getComponents() != null ? openAPI.getComponents() : OASFactory.createComponents();
        openAPI.components(components);
        components.addSchema("InvalidField", invalidField());
        components.addSchema(PROBLEM, problem());
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                describeErrors(operation);
            }
        }
    }

    private static void describeErrors(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        boolean takesInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (takesInput) {
            addIfMissing(operation, "400", "Invalid input; the problem lists each offending field");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfMissing(operation, "401", "No valid bearer token");
            addIfMissing(operation, "403", "Your roles or scope do not allow this");
        }
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        if (responses == null) {
            return;
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5") || code.equals("default")) {
                response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory
                        .createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    private static void addIfMissing(Operation operation, String code, String description) {
        if (operation.getResponses().getAPIResponse(code) == null) {
            operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Schema invalidField() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("One offending input and what is wrong with it")
                .addProperty("field", string("The field as the client named it: a JSON path or a query parameter",
                        "startsAt"))
                .addProperty("message", string("What is wrong with it", "must not be before startsAt"))
                .required(List.of("field", "message"));
    }

    private static Schema problem() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem: the one error shape of every Kepu API")
                .addProperty("type", string("A stable URI to switch on", Problem.TYPE_BASE + "validation-failed")
                        .format("uri"))
                .addProperty("title", string("A short summary, the same for every occurrence", "Request is not valid"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .examples(List.of(400)))
                .addProperty("detail", string("What went wrong this time, in words a person can act on",
                        "startsAt: must be an ISO-8601 time with offset"))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .description("For invalid input: each offending field")
                        .items(OASFactory.createSchema().ref("#/components/schemas/InvalidField")))
                .required(List.of("type", "title", "status"));
    }

    private static Schema string(String description, String example) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description)
                .examples(List.of(example));
    }
}
