package org.kepu.reporting.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kepu.common.persistence.EntityColumns;
import org.kepu.reporting.domain.BookingSummary;
import org.kepu.reporting.domain.RegistrationSummary;

/**
 * The registration and booking read models: one row per registration or booking at the newest version seen. A fact
 * with the same version as the stored row replaces it (partition order decides), an older one is ignored.
 */
@ApplicationScoped
public class ParticipationRepository {

    private static final EntityColumns<RegistrationSummary> REGISTRATIONS = EntityColumns
            .of(RegistrationSummary.class);

    private static final String UPSERT_REGISTRATIONS = REGISTRATIONS.upsertAll("registration_summary",
            "registration_id", "registration_summary.version <= EXCLUDED.version", "updated_at");

    private static final EntityColumns<BookingSummary> BOOKINGS = EntityColumns.of(BookingSummary.class);

    private static final String UPSERT_BOOKINGS = BOOKINGS.upsertAll("booking_summary", "booking_id",
            "booking_summary.version <= EXCLUDED.version", "updated_at");

    private final EntityManager entityManager;

    public ParticipationRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Stores a batch's registrations in one statement (so that the triggers of V9 add their change to the events' sums
     * once a batch), each unless a newer version is stored. Of several facts of one registration in the batch the
     * newest is kept, the later of equal versions: as stored one by one.
     */
    public void upsertRegistrations(List<RegistrationSummary> batch) {
        Map<UUID, RegistrationSummary> newest = new LinkedHashMap<>();
        batch.forEach(registration -> newest.merge(registration.registrationId(), registration,
                (a, b) -> b.version() >= a.version() ? b : a));
        EventLocks.lock(entityManager, newest.values().stream().map(RegistrationSummary::eventId).toList());
        REGISTRATIONS.write(entityManager, UPSERT_REGISTRATIONS, List.copyOf(newest.values()));
    }

    /**
     * Stores a batch's bookings in one statement, each unless a newer version is stored; slot facts are skipped. Of
     * several facts of one booking in the batch the newest is kept, the later of equal versions: as stored one by one.
     */
    public void upsertBookings(List<BookingSummary> batch) {
        Map<UUID, BookingSummary> newest = new LinkedHashMap<>();
        batch.stream().filter(BookingSummary::isBooking).map(BookingSummary::versioned).forEach(booking -> newest
                .merge(booking.bookingId(), booking, (a, b) -> b.version() >= a.version() ? b : a));
        BOOKINGS.write(entityManager, UPSERT_BOOKINGS, List.copyOf(newest.values()));
    }
}
