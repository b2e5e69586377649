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

    private final EntityManager entityManager;

    public ParticipationRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Stores a batch's registrations in one statement (so that the triggers of V9 add their change to the events' sums
     * once a batch), each unless a newer version is stored. Of several facts of one registration in the batch the
     * newest is kept, the later of equal versions: as stored one by one.
     */
    public void upsertAll(List<RegistrationSummary> batch) {
        Map<UUID, RegistrationSummary> newest = new LinkedHashMap<>();
        batch.forEach(registration -> newest.merge(registration.registrationId(), registration,
                (a, b) -> b.version() >= a.version() ? b : a));
        EventLocks.lock(entityManager, newest.values().stream().map(RegistrationSummary::eventId).toList());
        REGISTRATIONS.write(entityManager, UPSERT_REGISTRATIONS, List.copyOf(newest.values()));
    }

    /** Keeps booking facts; slot facts are skipped. */
    public void upsert(BookingSummary booking) {
        if (!booking.isBooking()) {
            return;
        }
        entityManager.createNativeQuery("""
                INSERT INTO booking_summary (booking_id, slot_id, venue_id, division_code, city_code, economic_region,
                                             slot_starts_at, version, size, status, attended)
                VALUES (:id, :slot, :venue, :division, :city, :region, :startsAt, :version, :size, :status, :attended)
                ON CONFLICT (booking_id) DO UPDATE SET
                    version = EXCLUDED.version, size = EXCLUDED.size, status = EXCLUDED.status,
                    attended = EXCLUDED.attended, division_code = EXCLUDED.division_code,
                    city_code = EXCLUDED.city_code, economic_region = EXCLUDED.economic_region,
                    slot_starts_at = EXCLUDED.slot_starts_at, updated_at = now()
                WHERE booking_summary.version <= EXCLUDED.version
                """).setParameter("id", booking.bookingId()).setParameter("slot", booking.slotId())
                .setParameter("venue", booking.venueId()).setParameter("division", booking.divisionCode())
                .setParameter("city", booking.cityCode()).setParameter("region", booking.economicRegion())
                .setParameter("startsAt", booking.slotStartsAt())
                .setParameter("version", booking.version() == null ? 0L : booking.version())
                .setParameter("size", booking.size()).setParameter("status", booking.status())
                .setParameter("attended", booking.attended()).executeUpdate();
    }
}
