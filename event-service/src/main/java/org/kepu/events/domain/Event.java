package org.kepu.events.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.kepu.common.persistence.PlacedEntity;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.kepu.common.divisions.Divisions;
import org.kepu.common.rules.DomainException;
import org.kepu.common.rules.DomainException.FieldError;
import org.kepu.common.security.Caller;

/**
 * A science outreach event owned by one organization; its rules live here and nowhere else. Its lifecycle: draft →
 * published → completed, or published → cancelled; drafts may be deleted, completed events get attendance. Its details:
 * the rules that tie fields together (schedule, stream link, place, series, registrations) are kept by the methods
 * that set those fields, each refusal naming the fields a person would fix.
 */
@Entity
@Table(name = "event")
public class Event extends PlacedEntity {

    /** The longest an event may last; longer "events" are programmes, better modelled as a series. */
    public static final Duration LONGEST = Duration.ofDays(366);

    @Column(name = "title_zh", nullable = false)
    public String titleZh;

    @Column(name = "title_en")
    public String titleEn;

    @Column(name = "description_zh")
    public String descriptionZh;

    @Column(name = "description_en")
    public String descriptionEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventStatus status;

    /** The umbrella event (e.g. 2024年广东省全国科技活动周) this one belongs to, if any. */
    @Column(name = "series_id")
    public UUID seriesId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> themes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> audiences = new ArrayList<>();

    /** What the event offers people with disabilities (无障碍), by {@link AccessFeature} name. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> accessibility = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventFormat format = EventFormat.OFFLINE;

    @Column(name = "stream_url")
    public String streamUrl;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(name = "venue_id")
    public UUID venueId;

    @Column(name = "organizer_org", nullable = false)
    public String organizerOrg;

    /** 责任单位: the units answerable for the event in the annual plan. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "responsible_units", columnDefinition = "text[]", nullable = false)
    public List<String> responsibleUnits = new ArrayList<>();

    public Integer capacity;

    @Column(name = "registration_opens_at")
    public OffsetDateTime registrationOpensAt;

    @Column(name = "registration_closes_at")
    public OffsetDateTime registrationClosesAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "takes_registrations", nullable = false)
    public boolean takesRegistrations;

    @Column(name = "registration_size_cap")
    public Integer registrationSizeCap;

    @Column(name = "keeps_wait_list", nullable = false)
    public boolean keepsWaitList;

    /** Seat counts, written only by {@link EventSeats} (apart from the version); read here for views and rules. */
    @Column(name = "confirmed_seats", insertable = false, updatable = false)
    public int confirmedSeats;

    @Column(name = "wait_list_length", insertable = false, updatable = false)
    public int waitListLength;

    @Column(name = "wait_listed_seats", insertable = false, updatable = false)
    public int waitListedSeats;

    @Column(name = "checked_in_people", insertable = false, updatable = false)
    public int checkedInPeople;

    @Column(name = "attendance_offline")
    public Integer attendanceOffline;

    @Column(name = "attendance_online")
    public Integer attendanceOnline;

    /** For events pushed by a partner agency: who pushed it and under which id of theirs. */
    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "external_id")
    public String externalId;

    /** SHA-256 of the item the partner last pushed for this event (hex); equal on a repeat, so nothing changes. */
    @Column(name = "push_digest")
    public String pushDigest;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /** A new draft for an organization; invisible to the public until published. */
    public static Event draft(String organizerOrg) {
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.organizerOrg = organizerOrg;
        event.status = EventStatus.DRAFT;
        event.madeAt(now());
        return event;
    }

    /** A partner's event, known by its id in the partner's own system; its organizer of record is the partner. */
    public static Event pushed(String partnerId, String externalId) {
        Event event = draft(partnerId);
        event.partnerId = partnerId;
        event.externalId = externalId;
        return event;
    }

    /** Whether the caller runs this event: an admin, a member of its organization, or the partner that pushed it. */
    public boolean isManagedBy(Caller caller) {
        return caller.isAdmin() || caller.organization().map(organizerOrg::equals).orElse(false)
                || partnerId != null && caller.partner().map(partnerId::equals).orElse(false);
    }

    /** Refuses a caller who does not run this event: 404 while it is a draft (they cannot know it), else 403. */
    public void requireManagedBy(Caller caller) {
        if (!isManagedBy(caller)) {
            if (!isPublic()) {
                throw DomainException.notFound("Event", id);
            }
            throw DomainException.notPermitted("Only the organizer of this event or an admin may do this");
        }
    }

    /** Drafts are private to their organization; every other state is public. */
    public boolean isPublic() {
        return status != EventStatus.DRAFT;
    }

    /** Details may change while the event is a draft or published, not once it is over or called off. */
    public void requireEditable() {
        if (status == EventStatus.COMPLETED || status == EventStatus.CANCELLED) {
            throw illegalMove("edit", "a DRAFT or PUBLISHED");
        }
        touch();
    }

    /**
     * How the event takes registrations. Taking them needs a capacity; a capacity below the seats already confirmed
     * is refused (409), since confirmed people are never turned away. The caller holds the event's row lock, so the
     * confirmed seats read here are current.
     */
    public void offerRegistration(boolean takes, Integer newCapacity, Integer sizeCap, boolean waitList) {
        if (takes && newCapacity == null) {
            throw DomainException.invalid("capacity", "is required when the event takes registrations");
        }
        if (confirmedSeats > 0 && (newCapacity == null || newCapacity < confirmedSeats)) {
            throw DomainException.conflict("capacity-below-confirmed", "Capacity below confirmed seats",
                    confirmedSeats + " seats are confirmed; the capacity cannot go below that (cancel registrations first)");
        }
        takesRegistrations = takes;
        capacity = newCapacity;
        registrationSizeCap = sizeCap;
        keepsWaitList = waitList;
    }

    /**
     * When the event runs and when the public may register ({@link #scheduleErrors}); 400 naming each field to fix.
     */
    public void schedule(OffsetDateTime starts, OffsetDateTime ends, OffsetDateTime registrationOpens,
            OffsetDateTime registrationCloses) {
        require(scheduleErrors(starts, ends, registrationOpens, registrationCloses));
        startsAt = starts;
        endsAt = ends;
        registrationOpensAt = registrationOpens;
        registrationClosesAt = registrationCloses;
    }

    /**
     * What breaks the schedule's rules, each on the field a person would fix: the event ends no earlier than it starts
     * and within {@link #LONGEST} of it; registration closes after it opens and no later than the event ends. A time
     * not given breaks none of them (whether it is required is the single-field rules' say).
     */
    public static List<FieldError> scheduleErrors(OffsetDateTime starts, OffsetDateTime ends,
            OffsetDateTime registrationOpens, OffsetDateTime registrationCloses) {
        List<FieldError> errors = new ArrayList<>();
        if (starts != null && ends != null) {
            if (ends.isBefore(starts)) {
                errors.add(new FieldError("endsAt", "must not be before startsAt"));
            } else if (Duration.between(starts, ends).compareTo(LONGEST) > 0) {
                errors.add(new FieldError("endsAt",
                        "must be within 366 days of startsAt; use a series for longer programmes"));
            }
        }
        if (registrationOpens != null && registrationCloses != null && !registrationCloses.isAfter(registrationOpens)) {
            errors.add(new FieldError("registrationClosesAt", "must be after registrationOpensAt"));
        }
        if (registrationCloses != null && ends != null && registrationCloses.isAfter(ends)) {
            errors.add(new FieldError("registrationClosesAt", "must not be after endsAt"));
        }
        return errors;
    }

    /** How people take part: in person (the default), or streamed at a link ({@link #attendanceErrors}). */
    public void attendBy(EventFormat how, String link) {
        require(attendanceErrors(how, link));
        format = how == null ? EventFormat.OFFLINE : how;
        streamUrl = link;
    }

    /** What breaks the rule that an event streamed (online or hybrid) gives its stream's link. */
    public static List<FieldError> attendanceErrors(EventFormat how, String link) {
        EventFormat effective = how == null ? EventFormat.OFFLINE : how;
        if (effective.isStreamed() && (link == null || link.isBlank())) {
            return List.of(new FieldError("streamUrl", "is required for " + effective + " events"));
        }
        return List.of();
    }

    /**
     * Joins the umbrella event {@code seriesId} names, found by {@code events} (one level deep: a series belongs to
     * none), or leaves any with null.
     */
    public void joinSeries(UUID seriesId, Function<UUID, Optional<Event>> events) {
        if (seriesId == null) {
            this.seriesId = null;
            return;
        }
        Event series = events.apply(seriesId)
                .orElseThrow(() -> DomainException.invalid("seriesId", "is not an existing event"));
        if (series.id.equals(id)) {
            throw DomainException.invalid("seriesId", "must not be the event itself");
        }
        if (series.seriesId != null) {
            throw DomainException.invalid("seriesId", "names an event that itself belongs to a series");
        }
        this.seriesId = series.id;
    }

    /**
     * Where the event happens: the division and point given, or the venue's where a venue is named and they are left
     * out ({@link #placeErrors}). The city and its economic region follow from the division, so regional searches
     * need no lookup.
     */
    public void placeAt(String division, Double lat, Double lon, KnownVenue venue, Divisions divisions) {
        require(placeErrors(division, venue == null ? null : venue.id, lat, lon));
        String code = division != null ? division : venue.divisionCode;
        placeIn(code, divisions.cityOf(code).orElse(null));
        boolean placedByVenue = venue != null && lat == null;
        latitude = placedByVenue ? venue.latitude : lat;
        longitude = placedByVenue ? venue.longitude : lon;
        venueId = venue == null ? null : venue.id;
    }

    /**
     * What breaks the place's rules: a division is needed unless a venue (which has one) is named, and a point is
     * both coordinates or neither.
     */
    public static List<FieldError> placeErrors(String division, UUID venue, Double lat, Double lon) {
        List<FieldError> errors = new ArrayList<>();
        if (division == null && venue == null) {
            errors.add(new FieldError("divisionCode", "is required unless venueId is given"));
        }
        if ((lat == null) != (lon == null)) {
            errors.add(new FieldError(lat == null ? "latitude" : "longitude",
                    "is required when the other coordinate is given"));
        }
        return errors;
    }

    private static void require(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    /** Makes a draft visible to the public. */
    public void publish() {
        requireStatus(EventStatus.DRAFT, "publish");
        status = EventStatus.PUBLISHED;
        publishedAt = now();
        touch();
    }

    /** Calls off a published event; the reason is shown to everyone who planned to come. */
    public void cancel(String reason) {
        requireStatus(EventStatus.PUBLISHED, "cancel");
        status = EventStatus.CANCELLED;
        cancelReason = reason;
        cancelledAt = now();
        touch();
    }

    /**
     * Marks a published event as held; it must have started. An event that took registrations counts the people
     * checked in as its offline attendance, until the organizer reports another figure.
     */
    public void complete(OffsetDateTime now) {
        requireStatus(EventStatus.PUBLISHED, "complete");
        if (now.isBefore(startsAt)) {
            throw DomainException.conflict("illegal-lifecycle-move", "Lifecycle move not allowed",
                    "Cannot complete an event before it starts (" + startsAt + ")");
        }
        status = EventStatus.COMPLETED;
        completedAt = now.truncatedTo(ChronoUnit.MICROS);
        if (takesRegistrations && attendanceOffline == null) {
            attendanceOffline = checkedInPeople;
        }
        touch();
    }

    /** Records how many took part, in person and online; only a completed event has an attendance. */
    public void reportAttendance(int offline, int online) {
        requireStatus(EventStatus.COMPLETED, "report attendance for");
        attendanceOffline = offline;
        attendanceOnline = online;
        touch();
    }

    /** Only drafts may be deleted; anything the public has seen is cancelled instead. */
    public void requireDeletable() {
        requireStatus(EventStatus.DRAFT, "delete");
    }

    private void requireStatus(EventStatus required, String move) {
        if (status != required) {
            throw illegalMove(move, "a " + required);
        }
    }

    private DomainException illegalMove(String move, String allowed) {
        return DomainException.conflict("illegal-lifecycle-move", "Lifecycle move not allowed",
                "Cannot " + move + " an event that is " + status + "; only " + allowed + " event can be");
    }

    private void touch() {
        updatedAt = now();
    }

    /**
     * Now, to the microsecond PostgreSQL keeps: a fact written from the entity before it is read back must carry the
     * time the API will show.
     */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
