package org.kepu.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.kepu.reporting.messaging.ReadModels;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A poll's event facts are written in one statement: the newest version of each event wins, whatever order its facts
 * came in within the batch and whatever is stored already, as when they were applied one by one.
 */
@QuarkusTest
class EventSummaryBatchTest {

    @Inject
    ReadModels readModels;

    @Inject
    EntityManager entityManager;

    static String fact(String eventId, int version, String status, String city) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kepu/event-service","type":"kepu.event.updated",
                 "subject":"%s","time":"2032-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"id":"%s","version":%d,"status":"%s","type":"LECTURE","divisionCode":"%s02","cityCode":"%s00",
                         "economicRegion":"PRD","startsAt":"2032-03-01T09:00:00+08:00","organizerOrg":"o",
                         "format":"OFFLINE","themes":["AI","HEALTH"],"attendanceOffline":%d}}
                """.formatted(UUID.randomUUID(), eventId, eventId, version, status, city, city, version * 10);
    }

    private Object[] stored(String eventId) {
        return (Object[]) entityManager.createNativeQuery("SELECT version, status, city_code, attendance_offline,"
                + " array_to_string(themes, '|') FROM event_summary WHERE event_id = CAST(:id AS uuid)")
                .setParameter("id", eventId).getSingleResult();
    }

    @Test
    void theNewestVersionOfEachEventInABatchWins() {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        try {
            applyInBatches(a, b);
        } finally {
            // These facts never went through the topic: a rebuild from it (RebuildTest) must not find them missing.
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("DELETE FROM event_summary WHERE event_id IN (CAST(:a AS uuid), CAST(:b AS uuid))")
                    .setParameter("a", a).setParameter("b", b).executeUpdate());
        }
    }

    private void applyInBatches(String a, String b) {
        QuarkusTransaction.requiringNew().run(() -> readModels.applyAll(ReadModels.Feed.EVENTS,
                List.of(fact(a, 3, "COMPLETED", "4401"), fact(b, 1, "PUBLISHED", "4403"),
                        fact(a, 1, "PUBLISHED", "4406"), fact(a, 2, "PUBLISHED", "4419"))));
        QuarkusTransaction.requiringNew().run(() -> {
            Object[] first = stored(a);
            assertEquals(3L, ((Number) first[0]).longValue());
            assertEquals("COMPLETED", first[1]);
            assertEquals("440100", first[2]);
            assertEquals(30, ((Number) first[3]).intValue());
            assertEquals("AI|HEALTH", first[4]);
            assertEquals("440300", stored(b)[2]);
        });
        // A later batch with an older version of a and a newer one of b changes b only.
        QuarkusTransaction.requiringNew().run(() -> readModels.applyAll(ReadModels.Feed.EVENTS,
                List.of(fact(a, 2, "CANCELLED", "4406"), fact(b, 2, "CANCELLED", "4404"))));
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals("COMPLETED", stored(a)[1]);
            assertEquals("CANCELLED", stored(b)[1]);
            assertEquals("440400", stored(b)[2]);
        });
    }
}
