package org.kepu.venues.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.venues.domain.CertificationMove;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** A venue's certification history. */
@ApplicationScoped
public class CertificationMoveRepository implements PanacheRepositoryBase<CertificationMove, UUID> {

    /** Every move of the venue, oldest first. */
    public List<CertificationMove> historyOf(UUID venueId) {
        return list("venueId", Sort.by("seq"), venueId);
    }
}
