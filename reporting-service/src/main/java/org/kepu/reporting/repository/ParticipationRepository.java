package org.kepu.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kepu.reporting.domain.BookingSummary;
import org.kepu.reporting.domain.RegistrationSummary;

/**
 * The registration and booking read models: one row per registration or booking at the newest version seen. A fact
 * with the same version as the stored row replaces it (partition order decides), an older one is ignored.
 */
@ApplicationScoped
public class ParticipationRepository {

    private final EntityManager entityManager;

    public ParticipationRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void upsert(RegistrationSummary registration) {
        entityManager.createNativeQuery("""
                INSERT INTO registration_summary (registration_id, event_id, version, size, status, checked_in)
                VALUES (:id, :event, :version, :size, :status, :checkedIn)
                ON CONFLICT (registration_id) DO UPDATE SET
                    version = EXCLUDED.version, size = EXCLUDED.size, status = EXCLUDED.status,
                    checked_in = EXCLUDED.checked_in, updated_at = now()
                WHERE registration_summary.version <= EXCLUDED.version
                """).setParameter("id", registration.registrationId()).setParameter("event", registration.eventId())
                .setParameter("version", registration.version()).setParameter("size", registration.size())
                .setParameter("status", registration.status()).setParameter("checkedIn", registration.checkedIn())
                .executeUpdate();
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
