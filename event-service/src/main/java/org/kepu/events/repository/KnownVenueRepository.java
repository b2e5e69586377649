package org.kepu.events.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.events.domain.KnownVenue;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The venues event-service has heard of from {@code kepu.venues}. */
@ApplicationScoped
public class KnownVenueRepository implements PanacheRepositoryBase<KnownVenue, UUID> {

    /** Stores what a fact says of a venue, unless a newer version is already stored (facts may arrive late). */
    public void upsert(KnownVenue venue) {
        getEntityManager().createNativeQuery("""
                INSERT INTO known_venue (id, version, status, division_code, latitude, longitude, updated_at)
                VALUES (:id, :version, :status, :division, :latitude, :longitude, now())
                ON CONFLICT (id) DO UPDATE SET
                    version = EXCLUDED.version, status = EXCLUDED.status, division_code = EXCLUDED.division_code,
                    latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, updated_at = now()
                WHERE known_venue.version < EXCLUDED.version
                """).setParameter("id", venue.id).setParameter("version", venue.version)
                .setParameter("status", venue.status).setParameter("division", venue.divisionCode)
                .setParameter("latitude", venue.latitude).setParameter("longitude", venue.longitude)
                .executeUpdate();
    }
}
