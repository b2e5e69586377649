package org.kepu.events.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kepu.common.divisions.Divisions;
import org.kepu.common.rules.DomainException;
import org.kepu.common.rules.DomainException.FieldError;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The rules that tie an event's details together, kept by the methods that set them: the schedule, the stream link,
 * the place and the series. A refusal changes nothing and names every field a person would fix.
 */
class EventDetailRulesTest {

    private static final long DAY = Duration.ofDays(1).toSeconds();

    /** Any time from 2000 to 2100, written at any offset: the rules compare instants, not the clock's figures. */
    @Provide
    Arbitrary<OffsetDateTime> times() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(946_684_800L, 4_102_444_800L);
        Arbitrary<ZoneOffset> offsets = Arbitraries.integers().between(-12, 14).map(ZoneOffset::ofHours);
        return seconds.flatMap(s -> offsets.map(offset -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(s), offset)));
    }

    @Property(tries = 1_000, seed = "20261207")
    void anEventEndsNoEarlierThanItStartsAndWithin366Days(@ForAll("times") OffsetDateTime starts,
            @ForAll @LongRange(min = -400 * 86_400L, max = 400 * 86_400L) long lastsSeconds,
            @ForAll("offsets") ZoneOffset endOffset) {
        OffsetDateTime ends = starts.plusSeconds(lastsSeconds).withOffsetSameInstant(endOffset);
        Event event = Event.draft("org");
        if (lastsSeconds < 0) {
            assertRefused(() -> event.schedule(starts, ends, null, null), "endsAt", "must not be before startsAt");
        } else if (lastsSeconds > 366 * DAY) {
            assertRefused(() -> event.schedule(starts, ends, null, null), "endsAt",
                    "must be within 366 days of startsAt; use a series for longer programmes");
        } else {
            event.schedule(starts, ends, null, null);
            assertEquals(starts, event.startsAt);
            assertEquals(ends, event.endsAt);
            return;
        }
        assertNull(event.startsAt, "a refused schedule changes nothing");
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.integers().between(-12, 14).map(ZoneOffset::ofHours);
    }

    @Test
    void theLongestEventIsExactly366Days() {
        OffsetDateTime starts = OffsetDateTime.of(2024, 5, 18, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        Event.draft("org").schedule(starts, starts.plus(Event.LONGEST), null, null);
        Event.draft("org").schedule(starts, starts, null, null);
        assertRefused(() -> Event.draft("org").schedule(starts, starts.plus(Event.LONGEST).plusNanos(1), null, null),
                "endsAt", "must be within 366 days of startsAt; use a series for longer programmes");
    }

    /** A registration window that closes after it opens, no later than the event ends, is accepted wherever it lies. */
    @Property(tries = 500, seed = "20261207")
    void aWindowThatClosesAfterItOpensAndByTheEndIsAccepted(@ForAll("times") OffsetDateTime starts,
            @ForAll @LongRange(min = 0, max = 366 * 86_400L) long lasts,
            @ForAll @LongRange(min = 0, max = 400 * 86_400L) long closesBeforeEnd,
            @ForAll @LongRange(min = 1, max = 400 * 86_400L) long open) {
        OffsetDateTime ends = starts.plusSeconds(lasts);
        OffsetDateTime closes = ends.minusSeconds(closesBeforeEnd);
        OffsetDateTime opens = closes.minusSeconds(open);
        Event event = Event.draft("org");
        event.schedule(starts, ends, opens, closes);
        assertEquals(opens, event.registrationOpensAt);
        assertEquals(closes, event.registrationClosesAt);
    }

    /** Closing before or when it opens, or after the event ends, is refused on registrationClosesAt, each said. */
    @Property(tries = 500, seed = "20261207")
    void aWindowClosingTooEarlyOrAfterTheEndNamesRegistrationClosesAt(@ForAll("times") OffsetDateTime starts,
            @ForAll @LongRange(min = 0, max = 366 * 86_400L) long lasts,
            @ForAll @LongRange(min = -400 * 86_400L, max = 400 * 86_400L) long closesAfterEnd,
            @ForAll @LongRange(min = -400 * 86_400L, max = 400 * 86_400L) long open) {
        OffsetDateTime ends = starts.plusSeconds(lasts);
        OffsetDateTime closes = ends.plusSeconds(closesAfterEnd);
        OffsetDateTime opens = closes.minusSeconds(open);
        List<FieldError> errors = Event.scheduleErrors(starts, ends, opens, closes);
        assertEquals(open <= 0,
                errors.contains(new FieldError("registrationClosesAt", "must be after registrationOpensAt")));
        assertEquals(closesAfterEnd > 0,
                errors.contains(new FieldError("registrationClosesAt", "must not be after endsAt")));
        assertEquals(open <= 0 || closesAfterEnd > 0, !errors.isEmpty());
        assertTrue(errors.stream().allMatch(e -> e.field().equals("registrationClosesAt")), errors::toString);
    }

    @Test
    void timesNotGivenBreakNoScheduleRule() {
        OffsetDateTime at = OffsetDateTime.of(2024, 5, 18, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        assertEquals(List.of(), Event.scheduleErrors(null, null, null, null));
        assertEquals(List.of(), Event.scheduleErrors(at, null, at, null));
        assertEquals(List.of(), Event.scheduleErrors(null, at, null, at.minusDays(1)));
        assertEquals(List.of(), Event.scheduleErrors(null, null, at, at.plusDays(400)));
    }

    @Property(tries = 100, seed = "20261207")
    void aStreamedEventNeedsItsLinkAndAnEventIsOfflineUnlessSaid(@ForAll EventFormat format,
            @ForAll("links") String link, @ForAll boolean formatGiven) {
        Event event = Event.draft("org");
        EventFormat sent = formatGiven ? format : null;
        EventFormat effective = formatGiven ? format : EventFormat.OFFLINE;
        boolean noLink = link == null || link.isBlank();
        if (effective != EventFormat.OFFLINE && noLink) {
            assertRefused(() -> event.attendBy(sent, link), "streamUrl", "is required for " + effective + " events");
        } else {
            event.attendBy(sent, link);
            assertEquals(effective, event.format);
            assertEquals(link, event.streamUrl);
        }
    }

    @Provide
    Arbitrary<String> links() {
        return Arbitraries.of("https://live.example.cn/kepu/2024", "", "  ").injectNull(0.3);
    }

    @Test
    void aPlaceIsADivisionOrAVenueAndAPointIsBothCoordinates() {
        Divisions divisions = new Divisions();
        assertRefused(() -> Event.draft("org").placeAt(null, null, null, null, divisions), "divisionCode",
                "is required unless venueId is given");
        assertRefused(() -> Event.draft("org").placeAt("440113", 23.04, null, null, divisions), "longitude",
                "is required when the other coordinate is given");
        assertRefused(() -> Event.draft("org").placeAt("440113", null, 113.37, null, divisions), "latitude",
                "is required when the other coordinate is given");
        DomainException both = assertThrows(DomainException.class,
                () -> Event.draft("org").placeAt(null, null, 113.37, null, divisions));
        assertEquals(List.of(new FieldError("divisionCode", "is required unless venueId is given"),
                new FieldError("latitude", "is required when the other coordinate is given")), both.fields());

        KnownVenue venue = new KnownVenue();
        venue.id = UUID.randomUUID();
        venue.divisionCode = "440106";
        venue.latitude = 23.1;
        venue.longitude = 113.3;
        Event atVenue = Event.draft("org");
        atVenue.placeAt(null, null, null, venue, divisions);
        assertEquals("440106", atVenue.divisionCode);
        assertEquals("440100", atVenue.cityCode);
        assertEquals(23.1, atVenue.latitude);
    }

    @Test
    void anEventJoinsAnExistingSeriesOneLevelDeep() {
        Event umbrella = Event.draft("org");
        Event child = Event.draft("org");
        Event nested = Event.draft("org");
        nested.seriesId = umbrella.id;
        Map<UUID, Event> stored = Map.of(umbrella.id, umbrella, child.id, child, nested.id, nested);

        child.joinSeries(umbrella.id, id -> Optional.ofNullable(stored.get(id)));
        assertEquals(umbrella.id, child.seriesId);
        assertRefused(() -> child.joinSeries(UUID.randomUUID(), id -> Optional.ofNullable(stored.get(id))), "seriesId",
                "is not an existing event");
        assertRefused(() -> child.joinSeries(child.id, id -> Optional.ofNullable(stored.get(id))), "seriesId",
                "must not be the event itself");
        assertRefused(() -> child.joinSeries(nested.id, id -> Optional.ofNullable(stored.get(id))), "seriesId",
                "names an event that itself belongs to a series");
        assertEquals(umbrella.id, child.seriesId, "a refused series leaves the event where it was");
        child.joinSeries(null, id -> Optional.ofNullable(stored.get(id)));
        assertNull(child.seriesId);
    }

    private static void assertRefused(Runnable change, String field, String message) {
        DomainException refusal = assertThrows(DomainException.class, change::run);
        assertEquals(DomainException.Kind.INVALID, refusal.kind());
        assertEquals("validation-failed", refusal.slug());
        assertEquals(List.of(new FieldError(field, message)), refusal.fields());
    }
}
