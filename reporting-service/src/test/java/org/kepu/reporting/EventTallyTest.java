package org.kepu.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.kepu.reporting.messaging.ReadModels;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The overview's tallies always equal what counting the events themselves gives: random versions of events, moved
 * between counties, months (across a month's edge in Shanghai that is not one in UTC), types, statuses and formats,
 * their themes and attendance changed, arriving in batches out of order and repeated, through the consumers' own batch
 * write; and again once the events are deleted.
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

    @Inject
    ReadModels readModels;

    @Inject
    EntityManager entityManager;

    @Test
    void theTalliesEqualTheEventsCountedWhateverOrderTheirVersionsArriveIn() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(UUID.randomUUID().toString());
        }
        try {
            for (int batch = 0; batch < 30; batch++) {
                List<String> facts = new ArrayList<>();
                for (int f = random.nextInt(1, 25); f > 0; f--) {
                    facts.add(fact(events.get(random.nextInt(events.size())), random.nextInt(1, 8), random));
                }
                QuarkusTransaction.requiringNew().run(() -> readModels.applyAll(ReadModels.Feed.EVENTS, facts));
            }
            assertEquals(List.of(0L, 0L), differences(), "tallies against the events, seed " + seed);
        } finally {
            // These facts never went through the topic: a rebuild from it (RebuildTest) must not find them missing.
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("DELETE FROM event_summary WHERE event_id::text IN (:ids)")
                    .setParameter("ids", events).executeUpdate());
        }
        assertEquals(List.of(0L, 0L), differences(), "tallies once the events are gone, seed " + seed);
    }

    private List<Long> differences() {
        return QuarkusTransaction.requiringNew().call(() -> List.of(
                ((Number) entityManager.createNativeQuery(DIFFERENCES).getSingleResult()).longValue(),
                ((Number) entityManager.createNativeQuery(THEME_DIFFERENCES).getSingleResult()).longValue()));
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

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
