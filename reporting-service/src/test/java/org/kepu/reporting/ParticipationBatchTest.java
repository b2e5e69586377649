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
 * A poll's registration facts, and its booking facts, are written in one statement each: the newest version of each
 * wins whatever order its facts came in within the batch and whatever is stored already, the later of equal versions
 * wins, and slot facts are not bookings — as when the facts were applied one by one.
 */
@QuarkusTest
class ParticipationBatchTest {

    @Inject
    ReadModels readModels;

    @Inject
    EntityManager entityManager;

    static String registration(String id, int version, int size, String status) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kepu/event-service","type":"kepu.registration.resized",
                 "subject":"%s","time":"2032-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"registrationId":"%s","eventId":"%s","version":%d,"kind":"GROUP","size":%d,
                         "status":"%s","checkedIn":false}}
                """.formatted(UUID.randomUUID(), id, id, UUID.randomUUID(), version, size, status);
    }

    static String booking(String id, String slot, Integer version, int size, String status) {
        return """
                {"specversion":"1.0","id":"%s","source":"/kepu/venue-service","type":"kepu.booking.confirmed",
                 "subject":"%s","time":"2032-01-01T01:00:00Z","datacontenttype":"application/json",
                 "data":{"bookingId":%s,"slotId":"%s","venueId":"%s","divisionCode":"440106","cityCode":"440100",
                         "economicRegion":"PRD","slotStartsAt":"2032-03-01T09:00:00+08:00","version":%s,
                         "size":%d,"status":"%s"}}
                """.formatted(UUID.randomUUID(), id, id == null ? "null" : "\"" + id + "\"", slot, UUID.randomUUID(),
                version, size, status);
    }

    private Object[] stored(String table, String key, String id) {
        return (Object[]) entityManager.createNativeQuery("SELECT version, size, status FROM " + table + " WHERE " + key
                + " = CAST(:id AS uuid)").setParameter("id", id).getSingleResult();
    }

    private long count(String table, String column, String id) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM " + table + " WHERE " + column
                + " = CAST(:id AS uuid)").setParameter("id", id).getSingleResult()).longValue();
    }

    @Test
    void theNewestVersionOfEachRegistrationAndBookingInABatchWins() {
        String registration = UUID.randomUUID().toString();
        String booking = UUID.randomUUID().toString();
        String slot = UUID.randomUUID().toString();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                readModels.applyAll(ReadModels.Feed.REGISTRATIONS, List.of(registration(registration, 3, 4, "CONFIRMED"),
                        registration(registration, 1, 2, "WAITLISTED"), registration(registration, 3, 5, "CONFIRMED"),
                        registration(registration, 2, 9, "CANCELLED")));
                readModels.applyAll(ReadModels.Feed.BOOKINGS, List.of(booking(booking, slot, 2, 30, "CONFIRMED"),
                        booking(null, slot, null, 40, "CONFIRMED"), booking(booking, slot, 1, 20, "CANCELLED")));
            });
            QuarkusTransaction.requiringNew().run(() -> {
                readModels.applyAll(ReadModels.Feed.REGISTRATIONS, List.of(registration(registration, 2, 7, "CANCELLED")));
                readModels.applyAll(ReadModels.Feed.BOOKINGS, List.of(booking(booking, slot, 1, 10, "CANCELLED")));
            });
            QuarkusTransaction.requiringNew().run(() -> {
                Object[] kept = stored("registration_summary", "registration_id", registration);
                assertEquals(List.of(3L, 5, "CONFIRMED"),
                        List.of(((Number) kept[0]).longValue(), ((Number) kept[1]).intValue(), kept[2]));
                Object[] visit = stored("booking_summary", "booking_id", booking);
                assertEquals(List.of(2L, 30, "CONFIRMED"),
                        List.of(((Number) visit[0]).longValue(), ((Number) visit[1]).intValue(), visit[2]));
                assertEquals(1L, count("booking_summary", "slot_id", slot), "a slot fact is not a booking");
            });
        } finally {
            // These facts never went through the topics: a rebuild from them (RebuildTest) must not find them missing.
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("DELETE FROM registration_summary WHERE registration_id = CAST(:id AS uuid)")
                        .setParameter("id", registration).executeUpdate();
                entityManager.createNativeQuery("DELETE FROM booking_summary WHERE slot_id = CAST(:id AS uuid)")
                        .setParameter("id", slot).executeUpdate();
            });
        }
    }
}
