package org.kepu.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Pushes batches as a partner agency would, every one twice: a partner that timed out sends its batch again, and the
 * second answer must say that nothing changed, whatever the items did the first time (create, update, publish,
 * withdraw). Every partner push of event-service's tests goes through here, so that each is also a check of the retry.
 */
final class Partners {

    private Partners() {
    }

    static String token(String partner) {
        return Organizers.TOKENS.token("partner@" + partner).role("partner").partner(partner).sign();
    }

    /** An item with a valid event ({@link Organizers#event}) in the state given. */
    static Map<String, Object> item(String externalId, String state, String title) {
        Map<String, Object> item = new HashMap<>();
        item.put("externalId", externalId);
        item.put("state", state);
        item.put("event", Organizers.event(title));
        return item;
    }

    /** An item withdrawing the partner's event with this external id. */
    static Map<String, Object> withdrawal(String externalId, String reason) {
        return Map.of("externalId", externalId, "state", "CANCELLED", "cancelReason", reason);
    }

    /** {@link #pushAs} with the partner's own token. */
    static ValidatableResponse push(String partner, List<?> items) {
        return pushAs(token(partner), items);
    }

    /**
     * Sends the batch with this token (none: anonymous), then sends it again and checks the retry's answer: the same
     * status; every item stored the first time UNCHANGED, with the same event id and the version the first answer
     * left it at (none for a removed draft); every item refused the first time refused with the same problem; a
     * batch refused whole refused the same way. Answers the first send's response, for the test's own checks.
     */
    static ValidatableResponse pushAs(String token, List<?> items) {
        Response first = send(token, items);
        Response retry = send(token, items);
        Supplier<String> batch = () -> "the retry of " + items + " answered " + retry.asString() + " after "
                + first.asString();
        assertEquals(first.statusCode(), retry.statusCode(), batch);
        JsonPath once = first.jsonPath();
        JsonPath twice = retry.jsonPath();
        List<Map<String, Object>> firstItems = once.getList("items");
        if (firstItems == null) {
            assertEquals(once.getMap(""), twice.getMap(""), batch);
            return first.then();
        }
        List<Map<String, Object>> retriedItems = twice.getList("items");
        assertEquals(firstItems.size(), retriedItems.size(), batch);
        Map<Object, Object> lastVersion = new HashMap<>();
        firstItems.stream().filter(item -> !"REJECTED".equals(item.get("result")))
                .forEach(item -> lastVersion.put(item.get("id"), item.get("version")));
        for (int i = 0; i < firstItems.size(); i++) {
            Map<String, Object> before = firstItems.get(i);
            Map<String, Object> after = retriedItems.get(i);
            int index = i;
            Supplier<String> which = () -> "item " + index + ": " + batch.get();
            if ("REJECTED".equals(before.get("result"))) {
                assertEquals(before, after, which);
            } else {
                assertEquals("UNCHANGED", after.get("result"), which);
                assertEquals(before.get("id"), after.get("id"), which);
                assertEquals(lastVersion.get(before.get("id")), after.get("version"), which);
            }
        }
        return first.then();
    }

    private static Response send(String token, List<?> items) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(Map.of("items", items));
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when().post("/api/v1/partner-events");
    }
}
