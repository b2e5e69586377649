package org.kepu.venues.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.kepu.common.persistence.PlacedEntity;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.kepu.common.rules.DomainException;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.venues.domain.OpeningHours.DayException;

/**
 * A place where outreach happens, or a mobile unit (caravan, touring exhibition) with a home division: what visitors
 * read about it, when it is open, who manages it, and its standing as a certified education base.
 */
@Entity
@Table(name = "venue")
public class Venue extends PlacedEntity {

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "description_zh")
    public String descriptionZh;

    @Column(name = "description_en")
    public String descriptionEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VenueKind kind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> themes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> audiences = new ArrayList<>();

    /** How many visitors it holds at once; null when not given. */
    public Integer capacity;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> facilities = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> accessibility = new ArrayList<>();

    /** Languages guided tours are given in, as language tags (zh, yue, en). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tour_languages", columnDefinition = "text[]", nullable = false)
    public List<String> tourLanguages = new ArrayList<>();

    /** The venue's public telephone line (an office, not a person). */
    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_email")
    public String contactEmail;

    public String website;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]", nullable = false)
    public List<String> photos = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    VenueStatus status = VenueStatus.ACTIVE;

    @Column(name = "status_reason")
    String statusReason;

    @ElementCollection(fetch = FetchType.EAGER) // read with the venue, so views need no open session
    @Fetch(FetchMode.SELECT)
    @BatchSize(size = 100) // a search page's venues read these in one statement
    @CollectionTable(name = "venue_weekly_hours", joinColumns = @JoinColumn(name = "venue_id"))
    List<WeeklyHours> weeklyHours = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER) // read with the venue, so views need no open session
    @Fetch(FetchMode.SELECT)
    @BatchSize(size = 100) // a search page's venues read these in one statement
    @CollectionTable(name = "venue_dated_hours", joinColumns = @JoinColumn(name = "venue_id"))
    List<DatedHours> datedHours = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER) // read with the venue, so views need no open session
    @Fetch(FetchMode.SELECT)
    @BatchSize(size = 100) // a search page's venues read these in one statement
    @CollectionTable(name = "venue_manager", joinColumns = @JoinColumn(name = "venue_id"))
    List<ManagerAssignment> managers = new ArrayList<>();

    @Embedded
    BaseCertification certification;

    public static Venue register(VenueKind kind) {
        Venue venue = new Venue();
        venue.id = UUID.randomUUID();
        venue.kind = kind;
        venue.madeAt(OffsetDateTime.now(ZoneOffset.UTC));
        return venue;
    }

    public VenueStatus status() {
        return status;
    }

    /** Why it is (temporarily) closed, as visitors should read it; null while active. */
    public String statusReason() {
        return statusReason;
    }

    /** Listed and readable by everybody unless closed for good. */
    public boolean isPublic() {
        return status != VenueStatus.CLOSED;
    }

    /**
     * Admins manage every venue; a venue manager the venues an admin assigned them or their token's {@code venues}
     * claim names.
     */
    public boolean isManagedBy(Caller caller) {
        if (caller.isAdmin()) {
            return true;
        }
        if (!caller.hasRole(Roles.VENUE_MANAGER)) {
            return false;
        }
        return caller.venues().contains(id.toString()) || caller.subject()
                .map(subject -> managers.stream().anyMatch(assignment -> assignment.subject().equals(subject)))
                .orElse(false);
    }

    /** Refuses a caller who does not manage this venue: 404 while it is closed for good (not public), else 403. */
    public void requireManagedBy(Caller caller) {
        if (!isManagedBy(caller)) {
            if (!isPublic()) {
                throw DomainException.notFound("Venue", id);
            }
            throw DomainException.notPermitted("Only this venue's managers or an admin may do this");
        }
    }

    /** Groups may book visits only while the venue is open to visitors (409 naming its status otherwise). */
    public void requireReceivingVisitors() {
        if (status != VenueStatus.ACTIVE) {
            throw DomainException.conflict("venue-not-receiving", "Venue not receiving visitors",
                    "The venue is " + status + (statusReason == null ? "" : ": " + statusReason));
        }
    }

    /**
     * Opens, closes for a while, or closes for good. A closure needs a reason visitors can read; closing for good and
     * reopening a venue closed for good are for admins only (403), since events and reports rely on it.
     */
    public void changeStatus(VenueStatus to, String reason, Caller caller) {
        if ((to == VenueStatus.CLOSED || status == VenueStatus.CLOSED) && to != status && !caller.isAdmin()) {
            throw DomainException.notPermitted("Only an admin may close a venue for good or reopen a closed one");
        }
        if (to != VenueStatus.ACTIVE && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reason", "is required to set " + to + ": visitors read it");
        }
        status = to;
        statusReason = to == VenueStatus.ACTIVE ? null : reason;
        touch();
    }

    /**
     * Places the venue at a point: both coordinates or neither, and neither only for kinds without a fixed place
     * (virtual museums, mobile units); 400 naming the missing one otherwise.
     */
    public void locate(Double latitude, Double longitude) {
        if ((latitude == null) != (longitude == null)) {
            throw DomainException.invalid(latitude == null ? "latitude" : "longitude",
                    "is required when the other coordinate is given");
        }
        if (latitude == null && kind.hasFixedPlace()) {
            throw DomainException.invalid("latitude",
                    "is required for a " + kind + " (only virtual museums and mobile units may have no coordinates)");
        }
        this.latitude = latitude;
        this.longitude = longitude;
    }

    /** The hours kept: the weekly schedule and the dated exceptions. */
    public OpeningHours openingHours() {
        Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (WeeklyHours row : weeklyHours) {
            weekly.computeIfAbsent(DayOfWeek.of(row.dayOfWeek()), day -> new ArrayList<>())
                    .add(new TimeRange(row.opens(), row.closes()));
        }
        Map<LocalDate, List<TimeRange>> ranges = new LinkedHashMap<>();
        Map<LocalDate, String> notes = new LinkedHashMap<>();
        for (DatedHours row : datedHours) {
            List<TimeRange> day = ranges.computeIfAbsent(row.day(), date -> new ArrayList<>());
            if (row.opens() != null) {
                day.add(new TimeRange(row.opens(), row.closes()));
            }
            if (row.note() != null) {
                notes.put(row.day(), row.note());
            }
        }
        Map<LocalDate, DayException> exceptions = new LinkedHashMap<>();
        ranges.forEach((date, day) -> exceptions.put(date, new DayException(day, notes.get(date))));
        return OpeningHours.of(weekly, exceptions);
    }

    /** Replaces the schedule and its exceptions as a whole. */
    public void replaceOpeningHours(OpeningHours hours) {
        weeklyHours.clear();
        hours.weekly().forEach((day, ranges) -> ranges.forEach(range -> weeklyHours
                .add(new WeeklyHours((short) day.getValue(), (short) range.opens(), (short) range.closes()))));
        datedHours.clear();
        hours.exceptions().forEach((date, exception) -> {
            if (exception.ranges().isEmpty()) {
                datedHours.add(new DatedHours(date, null, null, exception.note()));
            }
            exception.ranges().forEach(range -> datedHours
                    .add(new DatedHours(date, (short) range.opens(), (short) range.closes(), exception.note())));
        });
        touch();
    }

    /** The token subjects an admin assigned as this venue's managers. */
    public List<ManagerAssignment> managers() {
        return List.copyOf(managers);
    }

    /** Makes exactly these subjects the venue's assigned managers; those already assigned keep their date. */
    public void assignManagers(List<String> subjects, String by) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<ManagerAssignment> kept = new ArrayList<>();
        for (String subject : subjects.stream().distinct().toList()) {
            kept.add(managers.stream().filter(assignment -> assignment.subject().equals(subject)).findFirst()
                    .orElse(new ManagerAssignment(subject, now, by)));
        }
        managers.clear();
        managers.addAll(kept);
        touch();
    }

    /** The education-base certification as the newest move left it. */
    public BaseCertification certification() {
        if (certification == null) {
            certification = new BaseCertification();
        }
        return certification;
    }

    /** Mobile units visit others' places; they are not certified as bases themselves (409). */
    public void requireCertifiable() {
        if (kind.isMobile()) {
            throw DomainException.conflict("venue-not-certifiable", "Not a place that can be certified",
                    "A " + kind + " is a mobile unit; certify the places it visits instead");
        }
    }

    /** Marks a change that the venue's version and timestamps follow. */
    public void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
