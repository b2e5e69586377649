package org.kepu.events.repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.kepu.events.domain.Event;
import org.kepu.events.domain.EventFormat;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.EventType;

/**
 * Events read by plain JDBC as detached snapshots: the columns every view and feed of an event shows, in one list, and
 * the mapping of a row back to an {@link Event}. A search reads its page this way; Hibernate never manages these
 * instances, so nothing is dirty-checked or flushed, and changing one changes nothing stored.
 */
final class EventRows {

    private static final String[] COLUMNS = {"id", "title_zh", "title_en", "description_zh", "description_en", "type",
            "status", "series_id", "themes", "audiences", "format", "stream_url", "starts_at", "ends_at", "division_code",
            "city_code", "economic_region", "address", "latitude", "longitude", "venue_id", "organizer_org",
            "responsible_units", "capacity", "registration_opens_at", "registration_closes_at", "cancel_reason",
            "takes_registrations", "registration_size_cap", "keeps_wait_list", "confirmed_seats", "wait_list_length",
            "wait_listed_seats", "checked_in_people", "attendance_offline", "attendance_online", "partner_id",
            "external_id", "created_at", "updated_at", "published_at", "cancelled_at", "completed_at", "version"};

    /** The columns {@link #read} takes, qualified by {@code alias}. */
    static String columns(String alias) {
        return String.join(", ", Arrays.stream(COLUMNS).map(column -> alias + "." + column).toList());
    }

    private EventRows() {
    }

    /** The event in the current row, whose columns from {@code first} on are {@link #columns}. */
    static Event read(ResultSet row, int first) throws SQLException {
        int c = first;
        Event event = new Event();
        event.id = row.getObject(c++, UUID.class);
        event.titleZh = row.getString(c++);
        event.titleEn = row.getString(c++);
        event.descriptionZh = row.getString(c++);
        event.descriptionEn = row.getString(c++);
        event.type = EventType.valueOf(row.getString(c++));
        event.status = EventStatus.valueOf(row.getString(c++));
        event.seriesId = row.getObject(c++, UUID.class);
        event.themes = strings(row.getArray(c++));
        event.audiences = strings(row.getArray(c++));
        event.format = EventFormat.valueOf(row.getString(c++));
        event.streamUrl = row.getString(c++);
        event.startsAt = row.getObject(c++, OffsetDateTime.class);
        event.endsAt = row.getObject(c++, OffsetDateTime.class);
        event.divisionCode = row.getString(c++);
        event.cityCode = row.getString(c++);
        event.economicRegion = row.getString(c++);
        event.address = row.getString(c++);
        event.latitude = row.getObject(c++, Double.class);
        event.longitude = row.getObject(c++, Double.class);
        event.venueId = row.getObject(c++, UUID.class);
        event.organizerOrg = row.getString(c++);
        event.responsibleUnits = strings(row.getArray(c++));
        event.capacity = row.getObject(c++, Integer.class);
        event.registrationOpensAt = row.getObject(c++, OffsetDateTime.class);
        event.registrationClosesAt = row.getObject(c++, OffsetDateTime.class);
        event.cancelReason = row.getString(c++);
        event.takesRegistrations = row.getBoolean(c++);
        event.registrationSizeCap = row.getObject(c++, Integer.class);
        event.keepsWaitList = row.getBoolean(c++);
        event.confirmedSeats = row.getInt(c++);
        event.waitListLength = row.getInt(c++);
        event.waitListedSeats = row.getInt(c++);
        event.checkedInPeople = row.getInt(c++);
        event.attendanceOffline = row.getObject(c++, Integer.class);
        event.attendanceOnline = row.getObject(c++, Integer.class);
        event.partnerId = row.getString(c++);
        event.externalId = row.getString(c++);
        event.createdAt = row.getObject(c++, OffsetDateTime.class);
        event.updatedAt = row.getObject(c++, OffsetDateTime.class);
        event.publishedAt = row.getObject(c++, OffsetDateTime.class);
        event.cancelledAt = row.getObject(c++, OffsetDateTime.class);
        event.completedAt = row.getObject(c++, OffsetDateTime.class);
        event.version = row.getLong(c);
        return event;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }
}
