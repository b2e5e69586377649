package org.kepu.venues.domain;

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

/** A place where outreach happens, or a mobile unit (caravan, touring exhibition) with a home division. */
@Entity
@Table(name = "venue")
public class Venue {

    @Id
    public UUID id;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VenueKind kind;

    @Column(name = "division_code", nullable = false)
    public String divisionCode;

    public String address;

    public Double latitude;

    public Double longitude;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Optimistic lock and the ETag clients send back in If-Match. */
    @Version
    public long version;

    public static Venue register(VenueKind kind) {
        Venue venue = new Venue();
        venue.id = UUID.randomUUID();
        venue.kind = kind;
        venue.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        venue.updatedAt = venue.createdAt;
        return venue;
    }
}
