package org.kepu.events;

import org.kepu.common.testing.TestSeed;
import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The public's side of registrations in tests: events that take them, and people who register. */
final class Attendees {

    private static final Random PHONES = TestSeed.random("phones");

    private Attendees() {
    }

    /** A published event of a new organization taking registrations. */
    static String eventTakingRegistrations(String org, int capacity, boolean waitList, Integer sizeCap) {
        Map<String, Object> body = Organizers.event("报名测试活动");
        body.put("capacity", capacity);
        body.put("takesRegistrations", true);
        body.put("keepsWaitList", waitList);
        if (sizeCap != null) {
            body.put("registrationSizeCap", sizeCap);
        }
        return Organizers.publish(org, body);
    }

    /** A mobile number drawn at random: the registrations of one event need different ones. */
    static String newPhone() {
        return "139" + String.format("%08d", PHONES.nextInt(100_000_000));
    }

    static Map<String, Object> registration(String kind, int size, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("size", size);
        body.put("name", "张三");
        body.put("phone", phone);
        if (kind.equals("GROUP")) {
            body.put("organization", "华阳小学 四年级2班");
        }
        return body;
    }

    static Response register(String eventId, int size) {
        return register(eventId, registration(size == 1 ? "PERSON" : "GROUP", size, newPhone()));
    }

    static Response register(String eventId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/events/" + eventId + "/registrations");
    }
}
