package org.kepu.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.kepu.reporting.messaging.ReadModels;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The overview's tallies always equal what counting the events and their registrations gives: random versions of
 * events, moved between counties, months (across a month's edge in Shanghai that is not one in UTC), types, statuses
 * and formats, their themes and attendance changed, arriving in batches out of order and repeated, through the
 * consumers' own batch write — while random versions of their registrations (some before their event, some of events
 * that never come) are applied at the same time by another consumer; and again once both are deleted.
 */
@QuarkusTest
class EventTallyTest {

    private static final String[][] COUNTIES = {{"440106", "440100", "PRD"}, {"440303", "440300", "PRD"},
            {"445102", "445100", "EAST"}};
    private static final String[] STARTS = {"2033-03-31T23:30:00+08:00", "2033-04-01T00:30:00+08:00",
            "2033-12-31T20:00:00+08:00", "2033-07-15T09:00:00+08:00"};
    private static final String[] TYPES = {"LECTURE", "EXHIBITION"};
    private static final String[] STATUSES = {"PUBLISHED", "CANCELLED", "COMPLETED"};
    private static final String[] FORMATS = {"\"OFFLINE\"", "\"ONLINE\"", "null"};
    private static final String[] THEMES = {"[]", "[\"AI\"]", "[\"AI\",\"HEALTH\"]", "[\"OCEAN\"]"};
    private static final String[] REGISTRATION_STATUSES = {"CONFIRMED", "WAITLISTED", "CANCELLED"};

    /** Tally rows that differ from counting the events; none when the two agree. Run as one statement (one snapshot). */
    private static final String DIFFERENCES = """
            SELECT count(*) FROM (
              SELECT division_code, to_char(starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, type, status,
                     coalesce(format, 'OFFLINE') AS format, count(*) AS events,
                     sum(coalesce(attendance_offline, 0)) AS offline, sum(coalesce(attendance_online, 0)) AS online
              FROM event_summary GROUP BY 1, 2, 3, 4, 5) counted
            FULL JOIN (SELECT * FROM event_tally WHERE events <> 0) t
              USING (division_code, month, type, status, format)
            WHERE counted.events IS DISTINCT FROM t.events OR counted.offline IS DISTINCT FROM t.attendance_offline
               OR counted.online IS DISTINCT FROM t.attendance_online""";

    private static final String THEME_DIFFERENCES = """
            SELECT count(*) FROM (
              SELECT e.division_code, to_char(e.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
                     theme.name AS theme, count(*) AS events
              FROM event_summary e CROSS JOIN unnest(e.themes) AS theme(name) GROUP BY 1, 2, 3) counted
            FULL JOIN (SELECT * FROM event_theme_tally WHERE events <> 0) t USING (division_code, month, theme)
            WHERE counted.events IS DISTINCT FROM t.events""";

    /** Tally rows whose participants differ from counting the registrations of the events in their bucket. */
    private static final String PARTICIPANT_DIFFERENCES = """
            SELECT count(*) FROM (
              SELECT e.division_code, to_char(e.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, e.type,
                     e.status, coalesce(e.format, 'OFFLINE') AS format,
                     count(*) FILTER (WHERE r.status = 'CONFIRMED') AS registrations,
                     coalesce(sum(r.size) FILTER (WHERE r.status = 'CONFIRMED'), 0) AS people,
                     coalesce(sum(r.size) FILTER (WHERE r.checked_in AND r.status <> 'CANCELLED'), 0) AS checked_in
              FROM event_summary e JOIN registration_summary r USING (event_id) GROUP BY 1, 2, 3, 4, 5) counted
            FULL JOIN (SELECT * FROM event_tally WHERE registrations <> 0 OR registered_people <> 0
                                                     OR checked_in_people <> 0) t
              USING (division_code, month, type, status, format)
            WHERE (counted.registrations IS DISTINCT FROM t.registrations OR counted.people IS DISTINCT FROM
                   t.registered_people OR counted.checked_in IS DISTINCT FROM t.checked_in_people)
              AND (t.division_code IS NOT NULL OR counted.registrations <> 0 OR counted.people <> 0
                   OR counted.checked_in <> 0)""";

    @Inject
    ReadModels readModels;

    @Inject
    EntityManager entityManager;

    @Test
    void theTalliesEqualTheEventsCountedWhateverOrderTheirVersionsArriveIn() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Random registrationRandom = new Random(seed + 1);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(UUID.randomUUID().toString());
        }
        // Registrations of the 40 events and of 5 that never come, applied by a second consumer at the same time.
        List<String[]> registrations = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String event = i % 24 == 0 ? UUID.randomUUID().toString() : events.get(i % events.size());
            registrations.add(new String[]{event, UUID.randomUUID().toString()});
        }
        ExecutorService registrationConsumer = Executors.newSingleThreadExecutor();
        try {
            Future<?> registered = registrationConsumer.submit(() -> {
                for (int batch = 0; batch < 30; batch++) {
                    List<String> facts = new ArrayList<>();
                    for (int f = registrationRandom.nextInt(1, 25); f > 0; f--) {
                        String[] registration = registrations.get(registrationRandom.nextInt(registrations.size()));
                        facts.add(registrationFact(registration[0], registration[1], registrationRandom));
                    }
                    QuarkusTransaction.requiringNew()
                            .run(() -> readModels.applyAll(ReadModels.Feed.REGISTRATIONS, facts));
                }
            });
            for (int batch = 0; batch < 30; batch++) {
                List<String> facts = new ArrayList<>();
                for (int f = random.nextInt(1, 25); f > 0; f--) {
                    facts.add(fact(events.get(random.nextInt(events.size())), random.nextInt(1, 8), random));
                }
                QuarkusTransaction.requiringNew().run(() -> readModels.applyAll(ReadModels.Feed.EVENTS, facts));
            }
            registered.get(1, TimeUnit.MINUTES);
            assertEquals(List.of(0L, 0L, 0L), differences(), "tallies against the events, seed " + seed);
        } finally {
            registrationConsumer.shutdownNow();
            // These facts never went through the topic: a rebuild from it (RebuildTest) must not find them missing.
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("DELETE FROM registration_summary WHERE registration_id::text IN (:ids)")
                        .setParameter("ids", registrations.stream().map(r -> r[1]).toList()).executeUpdate();
                entityManager.createNativeQuery("DELETE FROM event_summary WHERE event_id::text IN (:ids)")
                        .setParameter("ids", events).executeUpdate();
            });
        }
        assertEquals(List.of(0L, 0L, 0L), differences(), "tallies once the events are gone, seed " + seed);
    }

    private List<Long> differences() {
        return QuarkusTransaction.requiringNew().call(() -> List.of(
                ((Number) entityManager.createNativeQuery(DIFFERENCES).getSingleResult()).longValue(),
                ((Number) entityManager.createNativeQuery(THEME_DIFFERENCES).getSingleResult()).longValue(),
                ((Number) entityManager.createNativeQuery(PARTICIPANT_DIFFERENCES).getSingleResult()).longValue()));
    }

    private static String fact(String eventId, int version, Random random) {
        String[] county = COUNTIES[random.nextInt(COUNTIES.length)];
        String offline = random.nextBoolean() ? "null" : String.valueOf(random.nextInt(500));
        String online = random.nextBoolean() ? "null" : String.valueOf(random.nextInt(5000));
        return """
                {"specversion":"1.0","id":"%s","source":"/kepu/event-service","type":"kepu.event.updated",
                 "subject":"%s","time":"2033-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"id":"%s","version":%d,"status":"%s","type":"%s","divisionCode":"%s","cityCode":"%s",
                         "economicRegion":"%s","startsAt":"%s","organizerOrg":"o","format":%s,"themes":%s,
                         "attendanceOffline":%s,"attendanceOnline":%s}}
                """.formatted(UUID.randomUUID(), eventId, eventId, version, pick(STATUSES, random),
                pick(TYPES, random), county[0], county[1], county[2], pick(STARTS, random), pick(FORMATS, random),
                pick(THEMES, random), offline, online);
    }

    private static String registrationFact(String eventId, String registrationId, Random random) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kepu/event-service","type":"kepu.registration.resized",
                 "subject":"%s","time":"2033-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"registrationId":"%s","eventId":"%s","version":%d,"kind":"GROUP","size":%d,
                         "status":"%s","checkedIn":%s,"seats":{"capacity":50,"confirmedSeats":3,"waitListLength":1,
                         "waitListedSeats":4,"checkedInPeople":3}}}
                """.formatted(UUID.randomUUID(), registrationId, registrationId, eventId, random.nextInt(1, 8),
                random.nextInt(1, 6), pick(REGISTRATION_STATUSES, random), random.nextBoolean());
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
