package org.kepu.venues.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.kepu.common.paging.Page;
import org.kepu.common.problem.ProblemException;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.domain.VenueKind;
import org.kepu.venues.messaging.VenueFacts;
import org.kepu.venues.repository.VenueRepository;

/** Venue use cases; each public method is one transaction, and every state change writes its fact to the outbox. */
@ApplicationScoped
public class VenueService {

    private final VenueRepository venues;
    private final VenueFacts facts;

    public VenueService(VenueRepository venues, VenueFacts facts) {
        this.venues = venues;
        this.facts = facts;
    }

    @Transactional
    public Venue register(VenueRegistration registration) {
        Venue venue = Venue.register(registration.kind());
        venue.nameZh = registration.nameZh();
        venue.nameEn = registration.nameEn();
        venue.divisionCode = registration.divisionCode();
        venue.address = registration.address();
        venue.latitude = registration.latitude();
        venue.longitude = registration.longitude();
        venues.persist(venue);
        venues.flush(); // the fact carries the stored version
        facts.registered(venue);
        return venue;
    }

    @Transactional
    public Venue get(UUID id) {
        return venues.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Venue", id));
    }

    @Transactional
    public Page<Venue> search(String divisionCode, VenueKind kind, int page, int size) {
        return venues.findMatching(divisionCode, kind, page, size);
    }
}
