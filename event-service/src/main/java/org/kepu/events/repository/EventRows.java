package org.kepu.events.repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.kepu.events.domain.Event;
import org.kepu.events.domain.EventFormat;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.EventType;

/**
 * Events read by plain JDBC as detached snapshots: the columns every view and feed of an event shows, in one list, and
 * the mapping of a row back to an {@link Event}. A search reads its page this way; Hibernate never manages these
 * instances, so nothing is dirty-checked or flushed, and changing one changes nothing stored.
 *
 * <p>
 * And the other way: new events written in one statement ({@link #INSERT_ALL}), each column's values one array
 * parameter, the arrays unnested in step. A partner's batch of a thousand new events is one INSERT, not a thousand.
 */
final class EventRows {

    private static final String[] COLUMNS = {"id", "title_zh", "title_en", "description_zh", "description_en", "type",
            "status", "series_id", "themes", "audiences", "format", "stream_url", "starts_at", "ends_at", "division_code",
            "city_code", "economic_region", "address", "latitude", "longitude", "venue_id", "organizer_org",
            "responsible_units", "capacity", "registration_opens_at", "registration_closes_at", "cancel_reason",
            "takes_registrations", "registration_size_cap", "keeps_wait_list", "confirmed_seats", "wait_list_length",
            "wait_listed_seats", "checked_in_people", "attendance_offline", "attendance_online", "partner_id",
            "external_id", "created_at", "updated_at", "published_at", "cancelled_at", "completed_at", "version"};

    /** A column a new event is written with: its SQL type, and the event's value in it (as text, or a list). */
    private record Written(String column, String type, Function<Event, Object> value) {
    }

    private static final List<Written> WRITTEN = List.of(new Written("id", "uuid", e -> e.id),
            new Written("title_zh", "text", e -> e.titleZh), new Written("title_en", "text", e -> e.titleEn),
            new Written("description_zh", "text", e -> e.descriptionZh),
            new Written("description_en", "text", e -> e.descriptionEn), new Written("type", "text", e -> e.type),
            new Written("status", "text", e -> e.status), new Written("series_id", "uuid", e -> e.seriesId),
            new Written("themes", "text[]", e -> e.themes), new Written("audiences", "text[]", e -> e.audiences),
            new Written("format", "text", e -> e.format), new Written("stream_url", "text", e -> e.streamUrl),
            new Written("starts_at", "timestamptz", e -> e.startsAt),
            new Written("ends_at", "timestamptz", e -> e.endsAt),
            new Written("division_code", "text", e -> e.divisionCode),
            new Written("city_code", "text", e -> e.cityCode),
            new Written("economic_region", "text", e -> e.economicRegion),
            new Written("address", "text", e -> e.address), new Written("latitude", "float8", e -> e.latitude),
            new Written("longitude", "float8", e -> e.longitude), new Written("venue_id", "uuid", e -> e.venueId),
            new Written("organizer_org", "text", e -> e.organizerOrg),
            new Written("responsible_units", "text[]", e -> e.responsibleUnits),
            new Written("capacity", "int", e -> e.capacity),
            new Written("registration_opens_at", "timestamptz", e -> e.registrationOpensAt),
            new Written("registration_closes_at", "timestamptz", e -> e.registrationClosesAt),
            new Written("cancel_reason", "text", e -> e.cancelReason),
            new Written("takes_registrations", "boolean", e -> e.takesRegistrations),
            new Written("registration_size_cap", "int", e -> e.registrationSizeCap),
            new Written("keeps_wait_list", "boolean", e -> e.keepsWaitList),
            new Written("attendance_offline", "int", e -> e.attendanceOffline),
            new Written("attendance_online", "int", e -> e.attendanceOnline),
            new Written("partner_id", "text", e -> e.partnerId), new Written("external_id", "text", e -> e.externalId),
            new Written("push_digest", "text", e -> e.pushDigest),
            new Written("created_at", "timestamptz", e -> e.createdAt),
            new Written("updated_at", "timestamptz", e -> e.updatedAt),
            new Written("published_at", "timestamptz", e -> e.publishedAt),
            new Written("cancelled_at", "timestamptz", e -> e.cancelledAt),
            new Written("completed_at", "timestamptz", e -> e.completedAt),
            new Written("version", "bigint", e -> e.version));

    /**
     * Inserts new events, parameters {@code ?1 … ?n} from {@link #insertParameters}. A list column travels as its
     * array literal (arrays of arrays do not unnest row by row) and is cast back per row. The seat counts start at
     * their defaults.
     */
    static final String INSERT_ALL = "INSERT INTO event (" + String.join(", ", WRITTEN.stream().map(Written::column).toList())
            + ") SELECT " + String.join(", ", WRITTEN.stream().map(w -> w.type().endsWith("[]")
                    ? "CAST(r." + w.column() + " AS " + w.type() + ")"
                    : "r." + w.column()).toList())
            + " FROM unnest(" + String.join(", ", IntStream.range(0, WRITTEN.size())
                    .mapToObj(i -> "CAST(?" + (i + 1) + " AS " + (WRITTEN.get(i).type().endsWith("[]")
                            ? "text"
                            : WRITTEN.get(i).type()) + "[])")
                    .toList())
            + ") AS r(" + String.join(", ", WRITTEN.stream().map(Written::column).toList()) + ")";

    /** The parameters of {@link #INSERT_ALL} for these events: one text array per column. */
    static List<String[]> insertParameters(List<Event> events) {
        List<String[]> columns = new ArrayList<>(WRITTEN.size());
        for (Written written : WRITTEN) {
            String[] values = new String[events.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = text(written.value().apply(events.get(i)));
            }
            columns.add(values);
        }
        return columns;
    }

    /** A value as PostgreSQL reads it from text; a list as an array literal, every element quoted. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof List<?> list) {
            StringBuilder literal = new StringBuilder("{");
            for (Object element : list) {
                if (literal.length() > 1) {
                    literal.append(',');
                }
                literal.append('"');
                String string = element.toString();
                for (int i = 0; i < string.length(); i++) {
                    char c = string.charAt(i);
                    if (c == '"' || c == '\\') {
                        literal.append('\\');
                    }
                    literal.append(c);
                }
                literal.append('"');
            }
            return literal.append('}').toString();
        }
        return value.toString();
    }

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
