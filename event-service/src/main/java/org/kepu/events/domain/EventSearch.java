package org.kepu.events.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.kepu.common.divisions.EconomicRegion;
import org.kepu.common.vocabulary.Audience;
import org.kepu.common.geo.GeoPoint;
import org.kepu.common.vocabulary.Theme;

/**
 * The filters of a public event search; null fields do not filter.
 *
 * @param divisionCode a province, city or county code; a city finds its counties
 * @param from events ending at or after this time
 * @param to events starting at or before this time
 * @param text free text in Chinese or English
 * @param near with {@code radiusKm}: events within that distance of the point
 */
public record EventSearch(String divisionCode, EconomicRegion economicRegion, OffsetDateTime from, OffsetDateTime to,
        EventType type, UUID seriesId, Audience audience, Theme theme, EventFormat format, String organizerOrg,
        String text, GeoPoint near, Double radiusKm, Order order) {

    /** How results are ordered. */
    public enum Order {
        /** Soonest first; the default, also with free text, because an index gives it in order. */
        START_TIME,
        /** Title matches first, then soonest; costs a sort of every match, so it is asked for explicitly. */
        RELEVANCE,
        /** Nearest first; the default with a point. */
        DISTANCE
    }

    /** The order asked for, or the natural one for the filters given. */
    public Order effectiveOrder() {
        if (order != null) {
            return order;
        }
        return near != null ? Order.DISTANCE : Order.START_TIME;
    }
}
