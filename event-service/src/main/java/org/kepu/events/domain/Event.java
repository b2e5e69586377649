package org.kepu.events.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.kepu.common.problem.ProblemException;

/**
 * A science outreach event owned by one organization; its lifecycle rules live here and nowhere else.
 */
@Entity
@Table(name = "event")
public class Event {

    @Id
    public UUID id;

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

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    public String address;

    public Double latitude;

    public Double longitude;

    @Column(name = "venue_id")
    public UUID venueId;

    @Column(name = "organizer_org", nullable = false)
    public String organizerOrg;

    public Integer capacity;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** Optimistic lock and the ETag clients send back in If-Match. */
    @Version
    public long version;

    /** A new draft for an organization; invisible to the public until published. */
    public static Event draft(String organizerOrg) {
        Event event = new Event();
        event.id = UUID.randomUUID();
        event.organizerOrg = organizerOrg;
        event.status = EventStatus.DRAFT;
        event.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        event.updatedAt = event.createdAt;
        return event;
    }

    /** Makes a draft visible to the public; any other state refuses with 409. */
    public void publish() {
        requireStatus(EventStatus.DRAFT, "publish");
        status = EventStatus.PUBLISHED;
        publishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        touch();
    }

    public boolean isPublic() {
        return status != EventStatus.DRAFT;
    }

    private void requireStatus(EventStatus required, String move) {
        if (status != required) {
            throw ProblemException.conflict("illegal-lifecycle-move", "Lifecycle move not allowed",
                    "Cannot " + move + " an event that is " + status + "; only a " + required + " event can be");
        }
    }

    private void touch() {
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
