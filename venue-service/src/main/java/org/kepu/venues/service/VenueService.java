package org.kepu.venues.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.kepu.common.divisions.Divisions;
import org.kepu.common.paging.Page;
import org.kepu.common.rules.DomainException;
import org.kepu.common.rules.ExpectedVersion;
import org.kepu.common.security.Caller;
import org.kepu.venues.domain.OpeningHours;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.domain.VenueStatus;
import org.kepu.venues.messaging.VenueFacts;
import org.kepu.venues.repository.VenueRepository;
import org.kepu.venues.domain.VenueSearch;

/** Venue use cases; each public method is one transaction, and every state change writes its fact to the outbox. */
@ApplicationScoped
public class VenueService {

    private final VenueRepository venues;
    private final VenueFacts facts;
    private final Divisions divisions;
    private final VenueDraftMapper drafts;

    public VenueService(VenueRepository venues, VenueFacts facts, Divisions divisions, VenueDraftMapper drafts) {
        this.venues = venues;
        this.facts = facts;
        this.divisions = divisions;
        this.drafts = drafts;
    }

    @Transactional
    public Venue register(VenueDraft draft) {
        Venue venue = Venue.register(draft.kind());
        apply(draft, venue);
        venues.persist(venue);
        return changed(venue, VenueFacts.REGISTERED);
    }

    /**
     * A venue the caller may see: every venue not closed for good, and closed ones for their managers and admins. One
     * row (and its hours) without a transaction of its own.
     */
    @Transactional(TxType.SUPPORTS)
    public Venue get(UUID id, Caller caller) {
        Venue venue = venues.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Venue", id));
        if (!venue.isPublic() && !venue.isManagedBy(caller)) {
            throw DomainException.notFound("Venue", id);
        }
        return venue;
    }

    @Transactional
    public Page<Venue> search(VenueSearch search, int page, int size) {
        return venues.search(search, today(), page, size);
    }

    /** Replaces a venue's details (admins and its managers). */
    @Transactional
    public Venue update(UUID id, ExpectedVersion expected, VenueDraft draft, Caller caller) {
        Venue venue = managed(id, expected, caller);
        apply(draft, venue);
        venue.touch();
        return changed(venue, VenueFacts.UPDATED);
    }

    @Transactional
    public Venue changeStatus(UUID id, ExpectedVersion expected, VenueStatus to, String reason, Caller caller) {
        Venue venue = managed(id, expected, caller);
        venue.changeStatus(to, reason, caller);
        return changed(venue, VenueFacts.STATUS_CHANGED);
    }

    @Transactional
    public Venue replaceOpeningHours(UUID id, ExpectedVersion expected, OpeningHours hours, Caller caller) {
        Venue venue = managed(id, expected, caller);
        venue.replaceOpeningHours(hours);
        return changed(venue, VenueFacts.UPDATED);
    }

    /** Admins only (the resource says so): who manages the venue besides its token-scoped managers. */
    @Transactional
    public Venue assignManagers(UUID id, ExpectedVersion expected, List<String> subjects, Caller caller) {
        Venue venue = managed(id, expected, caller);
        venue.assignManagers(subjects, caller.subject().orElse("admin"));
        venues.flush(); // managers are not public: no fact, but the ETag carries the new version
        return venue;
    }

    /** The venue to change, locked for this transaction; 404, 403 or 412 as the caller and If-Match decide. */
    Venue managed(UUID id, ExpectedVersion expected, Caller caller) {
        Venue venue = venues.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainException.notFound("Venue", id));
        venue.requireManagedBy(caller);
        expected.requireMatches(venue.version, "Venue " + id);
        return venue;
    }

    Venue changed(Venue venue, String factType) {
        venues.flush(); // the fact and the ETag carry the version after this change
        facts.record(factType, venue);
        return venue;
    }

    /** Today in Asia/Shanghai, the day certificates lapse by. */
    static LocalDate today() {
        return LocalDate.now(OpeningHours.ZONE);
    }

    /** The draft's plain fields, then where the venue is, by the entity's rules. */
    private void apply(VenueDraft draft, Venue venue) {
        drafts.apply(draft, venue);
        venue.placeIn(draft.divisionCode(), divisions.cityOf(draft.divisionCode()).orElse(null));
        venue.locate(draft.latitude(), draft.longitude());
    }
}
