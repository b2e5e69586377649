package org.kepu.system;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every write endpoint × every kind of caller, through the gateway and straight at the service: each service enforces
 * roles and ownership itself, so the answer is the same either way.
 */
@ExtendWith(KepuSystem.class)
class AuthorizationMatrixTest {

    static final String OWNER = "org-owner-" + UUID.randomUUID();
    static final String EVENTS_DIRECT = "http://127.0.0.1:18081";
    static final String VENUES_DIRECT = "http://127.0.0.1:18082";

    /** Who calls: a token (or none), and a name for the report. */
    enum Caller {
        ADMIN(() -> Gateway.TOKENS.token("matrix-admin").role("admin").sign()), OWNING_ORGANIZER(
                () -> Gateway.organizer(OWNER)), OTHER_ORGANIZER(
                        () -> Gateway.organizer("org-other-" + UUID.randomUUID())), VENUE_MANAGER(
                                () -> Gateway.TOKENS.token("matrix-vm").role("venue-manager")
                                        .venues(List.of(UUID.randomUUID().toString())).sign()), PARTNER(
                                                () -> Gateway.TOKENS.token("matrix-partner").role("partner").partner("gz-kx")
                                                        .sign()), ANALYST(
                                                                () -> Gateway.TOKENS.token("matrix-analyst").role("analyst")
                                                                        .sign()), ANONYMOUS(() -> null);

        final java.util.function.Supplier<String> token;

        Caller(java.util.function.Supplier<String> token) {
            this.token = token;
        }
    }

    /** What an endpoint needs to exist before the call: a draft, a published event, a completed one… */
    enum Target {
        NONE, DRAFT, PUBLISHED, COMPLETED
    }

    /** One write endpoint: what it needs, how to call it, and who may. */
    record Endpoint(String name, Target target, Function<Fixture, Integer> call, Map<Caller, Integer> expected) {
    }

    /** The event an endpoint acts on, and where to send the request. */
    record Fixture(String baseUri, String token, String eventId, String etag) {
        RequestSpecification request() {
            RequestSpecification spec = given().baseUri(baseUri).contentType(ContentType.JSON);
            return token == null ? spec : spec.auth().oauth2(token);
        }
    }

    static Map<String, Object> event() {
        return Map.of("titleZh", "权限矩阵 " + UUID.randomUUID(), "type", "LECTURE", "startsAt", "2024-07-01T09:00:00+08:00",
                "endsAt", "2024-07-01T11:00:00+08:00", "divisionCode", "440106", "organizerOrg", OWNER);
    }

    static Map<Caller, Integer> expect(int admin, int owner, int other, int everyoneElse) {
        return Map.of(Caller.ADMIN, admin, Caller.OWNING_ORGANIZER, owner, Caller.OTHER_ORGANIZER, other,
                Caller.VENUE_MANAGER, everyoneElse, Caller.PARTNER, everyoneElse, Caller.ANALYST, everyoneElse,
                Caller.ANONYMOUS, 401);
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("push partner events", Target.NONE,
                    f -> f.request().body(Map.of("items", List.of(Map.of("externalId", "matrix-" + UUID.randomUUID(),
                            "state", "DRAFT", "event", event())))).post("/api/v1/partner-events").statusCode(),
                    Map.of(Caller.ADMIN, 403, Caller.OWNING_ORGANIZER, 403, Caller.OTHER_ORGANIZER, 403,
                            Caller.VENUE_MANAGER, 403, Caller.PARTNER, 200, Caller.ANALYST, 403, Caller.ANONYMOUS, 401)),
            new Endpoint("create event", Target.NONE,
                    f -> f.request().body(event()).post("/api/v1/events").statusCode(), expect(201, 201, 201, 403)),
            new Endpoint("update event", Target.PUBLISHED,
                    f -> f.request().header("If-Match", f.etag()).body(event()).put("/api/v1/events/" + f.eventId())
                            .statusCode(),
                    expect(200, 200, 403, 403)),
            new Endpoint("delete draft", Target.DRAFT,
                    f -> f.request().header("If-Match", f.etag()).delete("/api/v1/events/" + f.eventId()).statusCode(),
                    expect(204, 204, 404, 403)),
            new Endpoint("publish", Target.DRAFT,
                    f -> f.request().post("/api/v1/events/" + f.eventId() + "/publish").statusCode(),
                    expect(200, 200, 404, 403)),
            new Endpoint("cancel", Target.PUBLISHED,
                    f -> f.request().body(Map.of("reason", "矩阵测试")).post("/api/v1/events/" + f.eventId() + "/cancel")
                            .statusCode(),
                    expect(200, 200, 403, 403)),
            new Endpoint("complete", Target.PUBLISHED,
                    f -> f.request().post("/api/v1/events/" + f.eventId() + "/complete").statusCode(),
                    expect(200, 200, 403, 403)),
            new Endpoint("report attendance", Target.COMPLETED,
                    f -> f.request().body(Map.of("offline", 10, "online", 20))
                            .put("/api/v1/events/" + f.eventId() + "/attendance").statusCode(),
                    expect(200, 200, 403, 403)),
            new Endpoint("list registrations", Target.PUBLISHED,
                    f -> f.request().get("/api/v1/events/" + f.eventId() + "/registrations").statusCode(),
                    expect(200, 200, 403, 403)),
            new Endpoint("check in", Target.PUBLISHED,
                    f -> f.request().body(Map.of("code", "ABCDEFGH")).post("/api/v1/events/" + f.eventId() + "/check-ins")
                            .statusCode(),
                    expect(400, 400, 403, 403)),
            new Endpoint("register venue", Target.NONE,
                    f -> f.request().body(Map.of("nameZh", "矩阵科技馆 " + UUID.randomUUID(), "kind", "SCIENCE_MUSEUM",
                            "divisionCode", "440106", "latitude", 23.1, "longitude", 113.3)).post("/api/v1/venues")
                            .statusCode(),
                    Map.of(Caller.ADMIN, 201, Caller.OWNING_ORGANIZER, 403, Caller.OTHER_ORGANIZER, 403, Caller.VENUE_MANAGER,
                            403,
                            Caller.PARTNER, 403, Caller.ANALYST, 403, Caller.ANONYMOUS, 401)));

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Caller caller : Caller.values()) {
                for (String via : List.of("gateway", "direct")) {
                    cells.add(Arguments.of(endpoint.name(), caller, via, endpoint));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1} via {2}")
    @MethodSource("cells")
    void everyCellAnswersAsExpected(String name, Caller caller, String via, Endpoint endpoint) {
        String eventId = null;
        String etag = null;
        if (endpoint.target() != Target.NONE) {
            // Arranged straight at the service, so that the gateway's rate limit only meters the calls under test.
            RequestSpecification owner = given().baseUri(EVENTS_DIRECT).auth().oauth2(Gateway.organizer(OWNER));
            eventId = owner.contentType(ContentType.JSON).body(event()).post("/api/v1/events").then().statusCode(201)
                    .extract().path("id");
            if (endpoint.target() != Target.DRAFT) {
                owner.post("/api/v1/events/" + eventId + "/publish").then().statusCode(200);
            }
            if (endpoint.target() == Target.COMPLETED) {
                owner.post("/api/v1/events/" + eventId + "/complete").then().statusCode(200);
            }
            etag = owner.get("/api/v1/events/" + eventId).then().extract().header("ETag");
        }
        String base = via.equals("gateway")
                ? KepuSystem.GATEWAY
                : name.equals("register venue") ? VENUES_DIRECT : EVENTS_DIRECT;
        int status = endpoint.call().apply(new Fixture(base, caller.token.get(), eventId, etag));
        org.junit.jupiter.api.Assertions.assertEquals(endpoint.expected().get(caller), status,
                name + " as " + caller + " via " + via);
    }
}
