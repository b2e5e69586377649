package org.kepu.reporting;

import java.util.UUID;

import org.kepu.common.testing.FactSender;

/** Facts as the services write them, sent through the real broker for the reports' tests. */
final class TestFacts {

    private TestFacts() {
    }

    /** An event fact; the county is the city's "02" district. Returns the event's id. */
    static String event(FactSender producer, String city, String region, String type, String status, String format,
            String theme,
            String startsAt, Integer offline) throws Exception {
        return event(producer, null, city, region, type, status, format, theme, startsAt, offline);
    }

    /** As above, sent under {@code key} (null: the event's id, as event-service keys it). */
    static String event(FactSender producer, String key, String city, String region, String type, String status,
            String format, String theme, String startsAt, Integer offline) throws Exception {
        return event(producer, key, city.substring(0, 4) + "02", city, region, type, status, format, theme,
                startsAt, offline, "o");
    }

    /** A public lecture in a county of the Delta. Returns the event's id. */
    static String eventIn(FactSender producer, String county, String status, String startsAt) throws Exception {
        return eventBy(producer, "o", county, status, startsAt);
    }

    /** A public lecture in a county of the Delta, organized by {@code org}. Returns the event's id. */
    static String eventBy(FactSender producer, String org, String county, String status, String startsAt)
            throws Exception {
        return eventBy(producer, null, org, county, status, startsAt);
    }

    /**
     * As {@link #eventBy(FactSender, String, String, String, String)}, sent under {@code key} (null: the event's id, as
     * event-service keys it), so that a later marker under the same key follows it. Returns the event's id.
     */
    static String eventBy(FactSender producer, String key, String org, String county, String status,
            String startsAt) throws Exception {
        return event(producer, key, county, county.substring(0, 4) + "00", "PRD", "LECTURE", status, "OFFLINE",
                "GENERAL", startsAt, null, org);
    }

    private static String event(FactSender producer, String key, String county, String city, String region,
            String type, String status, String format, String theme, String startsAt, Integer offline, String org)
            throws Exception {
        String id = UUID.randomUUID().toString();
        producer.send("kepu.events", key == null ? id : key, """
                {"specversion":"1.0","id":"%s","source":"/kepu/event-service","type":"kepu.event.published",
                 "subject":"%s","time":"2032-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"id":"%s","version":2,"status":"%s","type":"%s","divisionCode":"%s","cityCode":"%s",
                         "economicRegion":"%s","startsAt":"%s","organizerOrg":"%s","format":"%s","themes":["%s"],
                         "attendanceOffline":%s}}
                """.formatted(UUID.randomUUID(), id, id, status, type, county, city, region,
                startsAt, org, format, theme, offline == null ? "null" : offline.toString()));
        return id;
    }

    /** A registration fact as event-service writes it (no contact), keyed by the event. */
    static void registration(FactSender producer, String eventId, String registrationId, int version, int size, String status,
            boolean checkedIn) throws Exception {
        registration(producer, eventId, eventId, registrationId, version, size, status, checkedIn);
    }

    /** As above, sent under {@code key} instead of the event's id. */
    static void registration(FactSender producer, String key, String eventId, String registrationId, int version,
            int size, String status, boolean checkedIn) throws Exception {
        producer.send("kepu.registrations", key, """
                {"specversion":"1.0","id":"%s","source":"/kepu/event-service","type":"kepu.registration.confirmed",
                 "subject":"%s","time":"2032-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"registrationId":"%s","eventId":"%s","version":%d,"kind":"INDIVIDUAL","size":%d,
                         "status":"%s","checkedIn":%s,"seats":{"capacity":50,"confirmedSeats":3,"waitListLength":1,
                         "waitListedSeats":4,"checkedInPeople":3}}}
                """.formatted(UUID.randomUUID(), registrationId, registrationId, eventId, version, size, status,
                checkedIn));
    }
}
