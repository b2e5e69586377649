package org.kepu.common.json;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one way Kepu reads a time from a client, in a body or a query, and writes one ({@link #format}): an ISO-8601
 * string with an offset, within years {@value #FIRST_YEAR} to {@value #LAST_YEAR}. A wider range only lets mistakes
 * through (an epoch number, a year typed with five digits); no outreach event, registration or report lies outside it.
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

    /**
     * The time as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it (seconds always, a fraction only as long as
     * it needs, {@code Z} for UTC), character for character, written directly: a search's page shows seven times per event, and
     * the formatter's general machinery stood out in its profile (bench/README.md has the figures). Years outside
     * 0–9999 and offsets with seconds, which no Kepu time has, go to the formatter.
     */
    public static String format(OffsetDateTime time) {
        int year = time.getYear();
        int offset = time.getOffset().getTotalSeconds();
        if (year < 0 || year > 9999 || offset % 60 != 0) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        char[] out = new char[35];
        int at = digits(out, 0, year, 4);
        out[at++] = '-';
        at = digits(out, at, time.getMonthValue(), 2);
        out[at++] = '-';
        at = digits(out, at, time.getDayOfMonth(), 2);
        out[at++] = 'T';
        at = digits(out, at, time.getHour(), 2);
        out[at++] = ':';
        at = digits(out, at, time.getMinute(), 2);
        out[at++] = ':';
        at = digits(out, at, time.getSecond(), 2);
        int nano = time.getNano();
        if (nano != 0) {
            int width = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                width--;
            }
            out[at++] = '.';
            at = digits(out, at, nano, width);
        }
        if (offset == 0) {
            out[at++] = 'Z';
        } else {
            out[at++] = offset < 0 ? '-' : '+';
            int minutes = Math.abs(offset) / 60;
            at = digits(out, at, minutes / 60, 2);
            out[at++] = ':';
            at = digits(out, at, minutes % 60, 2);
        }
        return new String(out, 0, at);
    }

    /** {@code value} in {@code width} digits, zeros first, from {@code at}; returns where the next character goes. */
    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
