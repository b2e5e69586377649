package org.kepu.venues.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kepu.common.paging.Page;
import org.kepu.common.rules.DomainException;
import org.kepu.common.rules.ExpectedVersion;
import org.kepu.common.security.Caller;
import org.kepu.common.security.Roles;
import org.kepu.venues.domain.BaseCertification;
import org.kepu.venues.domain.CertificationMove;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.messaging.VenueFacts;
import org.kepu.venues.domain.BaseSearch;
import org.kepu.venues.repository.CertificationMoveRepository;
import org.kepu.venues.repository.VenueRepository;

/** Education-base certification: admins move it, staff review it, every move is kept and announced. */
@ApplicationScoped
public class CertificationService {

    /** A venue with its certification history, oldest move first. */
    public record Certified(Venue venue, List<CertificationMove> history) {
    }

    private final VenueService venueService;
    private final VenueRepository venues;
    private final CertificationMoveRepository moves;
    private final VenueFacts facts;

    public CertificationService(VenueService venueService, VenueRepository venues, CertificationMoveRepository moves,
            VenueFacts facts) {
        this.venueService = venueService;
        this.venues = venues;
        this.moves = moves;
        this.facts = facts;
    }

    /** Admins only (the resource says so); moves of one venue queue behind its row lock. */
    @Transactional
    public Certified move(UUID venueId, ExpectedVersion expected, BaseCertification.Request request, Caller caller) {
        Venue venue = venueService.managed(venueId, expected, caller);
        venue.requireCertifiable();
        List<CertificationMove> history = moves.historyOf(venueId);
        CertificationMove move = venue.certification().move(venueId, history, request,
                caller.subject().orElse("admin"));
        moves.persist(move);
        venue.touch();
        venues.flush();
        facts.certificationMoved(venue, move);
        return new Certified(venue, append(history, move));
    }

    /** The history, for admins, analysts and the venue's managers. */
    @Transactional
    public Certified historyOf(UUID venueId, Caller caller) {
        Venue venue = venueService.get(venueId, caller);
        if (!caller.hasRole(Roles.ANALYST) && !venue.isManagedBy(caller)) {
            throw DomainException.notPermitted("A base's certification history is for admins, analysts and its managers");
        }
        return new Certified(venue, moves.historyOf(venueId));
    }

    @Transactional
    public Page<Venue> bases(BaseSearch search, int page, int size) {
        return venues.bases(search, VenueService.today(), page, size);
    }

    private static List<CertificationMove> append(List<CertificationMove> history, CertificationMove move) {
        List<CertificationMove> all = new java.util.ArrayList<>(history);
        all.add(move);
        return all;
    }
}
