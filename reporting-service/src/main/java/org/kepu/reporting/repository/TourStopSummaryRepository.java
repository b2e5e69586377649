package org.kepu.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.kepu.reporting.domain.TourStopSummary;

/** The touring-stop read model: one row per stop, as the newest fact about it left it (removed stops kept, marked). */
@ApplicationScoped
public class TourStopSummaryRepository {

    private final EntityManager entityManager;

    public TourStopSummaryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Stores the stop. Facts of one unit arrive in order (keyed by the unit), so the newest applied is the newest made;
     * a tour fact without a stop changes nothing here.
     */
    public void upsert(TourStopSummary fact) {
        TourStopSummary.Stop stop = fact.stop();
        if (stop == null) {
            return;
        }
        entityManager.createNativeQuery("""
                INSERT INTO tour_stop_summary (stop_id, tour_id, unit_id, division_code, city_code, economic_region,
                                               starts_on, ends_on, setting, visitors, removed, updated_at)
                VALUES (:id, :tour, :unit, :division, :city, :region, :startsOn, :endsOn, :setting, :visitors,
                        :removed, now())
                ON CONFLICT (stop_id) DO UPDATE SET
                    division_code = EXCLUDED.division_code, city_code = EXCLUDED.city_code,
                    economic_region = EXCLUDED.economic_region, starts_on = EXCLUDED.starts_on,
                    ends_on = EXCLUDED.ends_on, setting = EXCLUDED.setting, visitors = EXCLUDED.visitors,
                    removed = EXCLUDED.removed, updated_at = now()
                """).setParameter("id", stop.id()).setParameter("tour", fact.tourId())
                .setParameter("unit", fact.unitId()).setParameter("division", stop.divisionCode())
                .setParameter("city", stop.cityCode()).setParameter("region", stop.economicRegion())
                .setParameter("startsOn", stop.startsOn()).setParameter("endsOn", stop.endsOn())
                .setParameter("setting", stop.setting()).setParameter("visitors", stop.visitors())
                .setParameter("removed", stop.removed()).executeUpdate();
    }
}
