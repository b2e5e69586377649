package org.kepu.events.rest;

import jakarta.ws.rs.core.MediaType;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.kepu.common.divisions.ProvinceTime;
import org.kepu.events.domain.Event;
import org.kepu.events.domain.EventStatus;

/**
 * Writes events as an RFC 5545 iCalendar document: local times in Asia/Shanghai with its VTIMEZONE, stable UIDs,
 * SEQUENCE from the event's version, cancelled events as STATUS:CANCELLED, text escaped (§3.3.11) and lines folded at
 * 75 octets without splitting a UTF-8 character (§3.1).
 */
final class ICalendar {

    static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    static final MediaType MEDIA_TYPE_VALUE = MediaType.valueOf(MEDIA_TYPE);

    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final int MAX_LINE_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();

    private ICalendar() {
    }

    /** One calendar holding the given events, named for subscribers. */
    static String of(String name, List<Event> events) {
        ICalendar calendar = new ICalendar();
        calendar.line("BEGIN:VCALENDAR");
        calendar.line("VERSION:2.0");
        calendar.line("PRODID:-//Kepu//Kepu Events 1.0//ZH");
        calendar.line("CALSCALE:GREGORIAN");
        calendar.line("METHOD:PUBLISH");
        calendar.line("X-WR-CALNAME:" + escape(name));
        calendar.line("X-WR-TIMEZONE:Asia/Shanghai");
        // China has kept UTC+8 without daylight saving since 1991, so one STANDARD component describes it.
        calendar.line("BEGIN:VTIMEZONE");
        calendar.line("TZID:Asia/Shanghai");
        calendar.line("BEGIN:STANDARD");
        calendar.line("DTSTART:19910915T000000");
        calendar.line("TZOFFSETFROM:+0800");
        calendar.line("TZOFFSETTO:+0800");
        calendar.line("TZNAME:CST");
        calendar.line("END:STANDARD");
        calendar.line("END:VTIMEZONE");
        events.forEach(calendar::event);
        calendar.line("END:VCALENDAR");
        return calendar.out.toString();
    }

    private void event(Event event) {
        line("BEGIN:VEVENT");
        line("UID:" + event.id + "@kepu.org");
        line("DTSTAMP:" + utc(event.updatedAt));
        line("LAST-MODIFIED:" + utc(event.updatedAt));
        line("SEQUENCE:" + event.version);
        line("DTSTART;TZID=Asia/Shanghai:" + local(event.startsAt));
        line("DTEND;TZID=Asia/Shanghai:" + local(event.endsAt));
        line("SUMMARY:" + escape(event.titleZh + (event.titleEn == null ? "" : " / " + event.titleEn)));
        String description = event.descriptionZh == null ? "" : event.descriptionZh;
        if (event.status == EventStatus.CANCELLED && event.cancelReason != null) {
            description = "【已取消】" + event.cancelReason + (description.isEmpty() ? "" : "\n\n" + description);
        }
        if (!description.isEmpty()) {
            line("DESCRIPTION:" + escape(description));
        }
        if (event.address != null) {
            line("LOCATION:" + escape(event.address));
        }
        if (event.latitude != null) {
            line("GEO:" + event.latitude + ";" + event.longitude);
        }
        if (event.streamUrl != null) {
            line("URL:" + event.streamUrl);
        }
        line("CATEGORIES:" + escape(event.type.labelZh()));
        line("STATUS:" + (event.status == EventStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        line("END:VEVENT");
    }

    private static String local(OffsetDateTime time) {
        return time.atZoneSameInstant(ProvinceTime.ZONE).format(LOCAL);
    }

    private static String utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(UTC);
    }

    /** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    private static int utf8Octets(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /** Appends a content line, folded so that no physical line exceeds 75 octets (continuations start with a space). */
    private void line(String content) {
        int octets = 0;
        int limit = MAX_LINE_OCTETS;
        for (int i = 0; i < content.length();) {
            int codePoint = content.codePointAt(i);
            int width = utf8Octets(codePoint);
            if (octets + width > limit) {
                out.append(CRLF).append(' ');
                octets = 0;
                limit = MAX_LINE_OCTETS - 1; // the leading space counts
            }
            out.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        out.append(CRLF);
    }
}
