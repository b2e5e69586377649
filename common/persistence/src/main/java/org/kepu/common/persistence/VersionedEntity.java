package org.kepu.common.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What every Kepu entity that clients change (an event, a registration, a venue, a booking, a tour and its stops, a
 * plan) has, written once: its id, when it was made and last changed, and the version that guards it. The version is
 * the optimistic lock and the ETag clients send back in If-Match, so two writers never silently overwrite each other.
 */
@MappedSuperclass
public abstract class VersionedEntity {

    @Id
    public UUID id;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Stamps a new entity as made, and so last changed, at {@code now}. */
    protected void madeAt(OffsetDateTime now) {
        createdAt = now;
        updatedAt = now;
    }
}
