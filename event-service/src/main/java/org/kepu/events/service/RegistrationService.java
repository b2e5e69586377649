package org.kepu.events.service;

import org.kepu.events.domain.SeatsChanged;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.kepu.common.paging.Page;
import org.kepu.common.privacy.ManageTokens;
import org.kepu.common.privacy.Phones;
import org.kepu.common.rules.DomainException;
import org.kepu.common.rules.ExpectedVersion;
import org.kepu.common.security.Caller;
import org.kepu.events.domain.EventSeats;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.Registration;
import org.kepu.events.domain.RegistrationStatus;
import org.kepu.events.messaging.RegistrationFacts;
import org.kepu.events.repository.EventRepository;
import org.kepu.events.repository.RegistrationRepository;

/**
 * Registration use cases; each public method is one transaction. Every change of seats takes the event's row lock
 * first ({@link RegistrationRepository#lockSeats}), so one event's registrations, cancellations, promotions and
 * capacity changes are decided one after another and the confirmed seats never exceed the capacity.
 */
@ApplicationScoped
public class RegistrationService {

    private final RegistrationRepository registrations;
    private final EventRepository events;
    private final RegistrationFacts facts;
    private final jakarta.enterprise.event.Event<SeatsChanged> seatsChanged;
    private final RecentSeats recentSeats;

    public RegistrationService(RegistrationRepository registrations, EventRepository events, RegistrationFacts facts,
            jakarta.enterprise.event.Event<SeatsChanged> seatsChanged, RecentSeats recentSeats) {
        this.recentSeats = recentSeats;
        this.registrations = registrations;
        this.events = events;
        this.facts = facts;
        this.seatsChanged = seatsChanged;
    }

    /** A registration and the secret that manages it, shown once. */
    public record Registered(Registration registration, String manageToken) {
    }

    /** Registers a person or group: confirmed when it fits whole, else wait-listed or refused (409). */
    @Transactional
    public Registered register(UUID eventId, RegistrationRequest request) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // Without the lock first: most refusals in a rush (closed, full with no wait list) need no queue.
        EventSeats peek = registrations.peekSeats(eventId).orElseThrow(() -> DomainException.notFound("Event", eventId));
        if (peek.status == EventStatus.DRAFT) {
            throw DomainException.notFound("Event", eventId);
        }
        peek.requireOpen(now);
        peek.requireAllowedSize(request.size());
        recentSeats.remember(peek);
        peek.requireRoomFor(request.size());

        EventSeats seats = registrations.lockSeats(eventId).orElseThrow(() -> DomainException.notFound("Event", eventId));
        seats.requireOpen(now);
        seats.requireAllowedSize(request.size());
        String phone = Phones.normalize(request.phone());
        if (registrations.phoneHoldsLiveRegistration(eventId, phone)) {
            throw DomainException.conflict("phone-already-registered", "Already registered",
                    "This phone number already holds a registration for this event; change or cancel that one");
        }
        String token = ManageTokens.newToken();
        Registration registration = Registration.of(eventId, request.kind(), request.size(), request.name().strip(),
                phone, blankToNull(request.email()), blankToNull(request.organization()), ManageTokens.hash(token));
        seats.admit(registration);
        registrations.persist(registration);
        changed(registration.status == RegistrationStatus.CONFIRMED
                ? RegistrationFacts.CONFIRMED
                : RegistrationFacts.WAIT_LISTED, registration, seats);
        return new Registered(registration, token);
    }

    /** The registration its manage token opens; 404 for a wrong token, as for an unknown registration. */
    @Transactional(TxType.SUPPORTS)
    public Registration byToken(UUID id, String token) {
        return registrations.findByIdOptional(id)
                .filter(registration -> ManageTokens.matches(registration.manageTokenHash, token))
                .orElseThrow(() -> DomainException.notFound("Registration", id));
    }

    /** Where a wait-listed registration stands, 1 first; null for any other. */
    @Transactional(TxType.SUPPORTS)
    public Integer waitListPosition(Registration registration) {
        return registration.status != RegistrationStatus.WAIT_LISTED
                ? null
                : (int) registrations.count("eventId = ?1 and status = ?2 and arrival < ?3", registration.eventId,
                        RegistrationStatus.WAIT_LISTED, registration.arrival) + 1;
    }

    /** One registration of an event, for its organizer or an admin. */
    @Transactional(TxType.SUPPORTS)
    public Registration forOrganizer(UUID eventId, UUID id, Caller caller) {
        manageable(eventId, caller);
        return registrations.findByIdOptional(id).filter(registration -> registration.eventId.equals(eventId))
                .orElseThrow(() -> DomainException.notFound("Registration", id));
    }

    /** The event's registrations, for its organizer or an admin. */
    @Transactional(TxType.SUPPORTS)
    public Page<Registration> list(UUID eventId, RegistrationStatus status, Boolean checkedIn, int page, int size,
            Caller caller) {
        manageable(eventId, caller);
        return registrations.ofEvent(eventId, status, checkedIn, page, size);
    }

    /** Every registration of the event, for its organizer's export. */
    @Transactional(TxType.SUPPORTS)
    public List<Registration> export(UUID eventId, Caller caller) {
        manageable(eventId, caller);
        return registrations.allOfEvent(eventId);
    }

    /** The attendee cancels with their manage token; freed seats go to the wait list. */
    @Transactional
    public Registration cancelByAttendee(UUID id, String token, ExpectedVersion expected) {
        UUID eventId = byToken(id, token).eventId;
        return cancel(eventId, id, expected, "Cancelled by the attendee");
    }

    /** The organizer (or an admin) cancels one registration, with a reason the attendee sees. */
    @Transactional
    public Registration cancelByOrganizer(UUID eventId, UUID id, ExpectedVersion expected, String reason, Caller caller) {
        forOrganizer(eventId, id, caller);
        return cancel(eventId, id, expected, reason);
    }

    /** The attendee changes how many come: fewer always, more only while they fit (a waiting one waits as it is). */
    @Transactional
    public Registration resize(UUID id, String token, ExpectedVersion expected, int size) {
        UUID eventId = byToken(id, token).eventId;
        EventSeats seats = lockedSeats(eventId);
        Registration registration = current(id, expected);
        registration.requireLive("change");
        int before = registration.size;
        seats.resize(registration, size);
        registration.touch();
        changed(RegistrationFacts.RESIZED, registration, seats);
        if (size < before) {
            promoteWaiting(seats);
        }
        return registration;
    }

    /** Checks in a confirmed registration by its id or its code; checking in twice changes nothing. */
    @Transactional
    public Registration checkIn(UUID eventId, UUID id, String code, Caller caller) {
        if ((id == null) == (code == null || code.isBlank())) {
            throw DomainException.invalid(id == null ? "code" : "registrationId",
                    "give either registrationId or code, not both");
        }
        manageable(eventId, caller);
        EventSeats seats = lockedSeats(eventId);
        Registration registration = (id != null
                ? registrations.findByIdOptional(id).filter(found -> found.eventId.equals(eventId))
                : registrations.findByCode(eventId, Registration.normalizeCode(code)))
                .orElseThrow(() -> id != null
                        ? DomainException.notFound("Registration", id)
                        : DomainException.invalid("code", "is not a registration code of this event"));
        if (registration.checkIn()) {
            seats.checkIn(registration);
            changed(RegistrationFacts.CHECKED_IN, registration, seats);
        }
        return registration;
    }

    /**
     * Gives freed seats to the wait list, first that fits first (the policy is {@link EventSeats}'); the caller holds
     * the event's lock (its capacity changed in this transaction).
     */
    @Transactional(TxType.MANDATORY)
    public void promoteWaiting(UUID eventId) {
        promoteWaiting(lockedSeats(eventId));
    }

    /** The event was cancelled: so are its live registrations, and each attendee reads why. */
    @Transactional(TxType.MANDATORY)
    public void cancelAllOf(UUID eventId, String eventCancelReason) {
        EventSeats seats = lockedSeats(eventId);
        for (Registration registration : registrations.live(eventId)) {
            seats.release(registration);
            registration.cancel("The event was cancelled: " + eventCancelReason);
            changed(RegistrationFacts.CANCELLED, registration, seats);
        }
    }

    private Registration cancel(UUID eventId, UUID id, ExpectedVersion expected, String reason) {
        EventSeats seats = lockedSeats(eventId);
        Registration registration = current(id, expected);
        boolean heldSeats = registration.status == RegistrationStatus.CONFIRMED;
        seats.release(registration);
        registration.cancel(reason);
        changed(RegistrationFacts.CANCELLED, registration, seats);
        if (heldSeats) {
            promoteWaiting(seats);
        }
        return registration;
    }

    private void promoteWaiting(EventSeats seats) {
        seats.promoteFirstThatFit(registrations.waitList(seats.id),
                waiting -> changed(RegistrationFacts.PROMOTED, waiting, seats));
    }

    private void manageable(UUID eventId, Caller caller) {
        events.findByIdOptional(eventId).orElseThrow(() -> DomainException.notFound("Event", eventId))
                .requireManagedBy(caller);
    }

    private EventSeats lockedSeats(UUID eventId) {
        return registrations.lockSeats(eventId).orElseThrow(() -> DomainException.notFound("Event", eventId));
    }

    /** Read after the event's lock, so it is current; If-Match, when sent, must name its version. */
    private Registration current(UUID id, ExpectedVersion expected) {
        Registration registration = registrations.findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("Registration", id));
        registrations.getEntityManager().refresh(registration);
        expected.requireMatches(registration.version, "Registration " + id);
        return registration;
    }

    private void changed(String factType, Registration registration, EventSeats seats) {
        registrations.flush(); // the fact carries the versions after this change
        facts.record(factType, registration, seats);
        seatsChanged.fire(new SeatsChanged(registration.eventId));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
