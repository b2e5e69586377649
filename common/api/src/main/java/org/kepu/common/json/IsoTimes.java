package org.kepu.common.json;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one way Kepu reads a time from a client, in a body or a query: an ISO-8601 string with an offset, within years
 * {@value #FIRST_YEAR} to {@value #LAST_YEAR}. A wider range only lets mistakes through (an epoch number, a year typed
 * with five digits); no outreach event, registration or report lies outside it.
 */
public final class IsoTimes {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    /** What a client is told when a time cannot be read; names the form and the range. */
    public static final String RULE = "must be an ISO-8601 time with offset between years " + FIRST_YEAR + " and "
            + LAST_YEAR + ", e.g. 2024-05-18T09:00:00+08:00";

    private IsoTimes() {
    }

    /**
     * @throws IllegalArgumentException with {@link #RULE} when the text is not such a time
     */
    public static OffsetDateTime parse(String text) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(RULE, e);
        }
        if (time.getYear() < FIRST_YEAR || time.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException(RULE);
        }
        return time;
    }
}
