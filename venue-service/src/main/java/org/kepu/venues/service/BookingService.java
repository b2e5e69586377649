package org.kepu.venues.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.kepu.common.paging.Page;
import org.kepu.common.privacy.ManageTokens;
import org.kepu.common.privacy.Phones;
import org.kepu.common.rules.DomainException;
import org.kepu.common.rules.ExpectedVersion;
import org.kepu.common.security.Caller;
import org.kepu.venues.domain.BookingStatus;
import org.kepu.venues.domain.OpeningHours;
import org.kepu.venues.domain.TimeRange;
import org.kepu.venues.domain.Venue;
import org.kepu.venues.domain.VisitBooking;
import org.kepu.venues.domain.VisitSlot;
import org.kepu.venues.messaging.BookingFacts;
import org.kepu.venues.repository.VenueRepository;
import org.kepu.venues.repository.VisitBookingRepository;
import org.kepu.venues.repository.VisitSlotRepository;

/**
 * Visit slots and group bookings; each public method is one transaction. Every seat decision of a slot (book, cancel,
 * reject) takes the slot's row lock first, so a slot is never overbooked however many book at once.
 */
@ApplicationScoped
public class BookingService {

    /** A booking just made, with the manage token that is shown only this once. */
    public record Booked(VisitBooking booking, VisitSlot slot, String manageToken) {
    }

    /** The most slots one request may publish. */
    static final int MAX_SLOTS_PER_REQUEST = 200;

    private final VenueService venueService;
    private final VenueRepository venues;
    private final VisitSlotRepository slots;
    private final VisitBookingRepository bookings;
    private final BookingFacts facts;

    public BookingService(VenueService venueService, VenueRepository venues, VisitSlotRepository slots,
            VisitBookingRepository bookings, BookingFacts facts) {
        this.venueService = venueService;
        this.venues = venues;
        this.slots = slots;
        this.bookings = bookings;
        this.facts = facts;
    }

    /**
     * Publishes the slots the request names, all or none: each within the venue's opening hours (400 naming the date)
     * and overlapping no open slot of the venue (409 naming both). Slot publishing of one venue queues behind its row.
     */
    @Transactional
    public List<VisitSlot> publish(UUID venueId, SlotRequest request, Caller caller) {
        Venue venue = venueService.managed(venueId, ExpectedVersion.ANY, caller);
        if ((request.until() == null) != (request.days() == null)) {
            throw DomainException.invalid(request.until() == null ? "until" : "days",
                    "is required for a weekly pattern (until and days go together)");
        }
        if (request.until() != null && (request.until().isBefore(request.date())
                || request.until().isAfter(request.date().plusYears(1)))) {
            throw DomainException.invalid("until", "must be from date to a year after it");
        }
        List<LocalDate> dates = request.dates();
        if (dates.isEmpty()) {
            throw DomainException.invalid("days", "fall on no date from " + request.date() + " to " + request.until());
        }
        if (dates.size() > MAX_SLOTS_PER_REQUEST) {
            throw DomainException.invalid("until", "would publish " + dates.size() + " slots; at most "
                    + MAX_SLOTS_PER_REQUEST + " at once");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<VisitSlot> published = new ArrayList<>();
        for (LocalDate day : dates) {
            OffsetDateTime start = at(day, TimeRange.parse(request.opens()));
            OffsetDateTime end = at(day, TimeRange.parse(request.closes()));
            String field = request.until() == null ? "opens" : "days";
            VisitSlot slot = VisitSlot.publish(venue, start, end, request.capacity(), request.audience(),
                    request.notes(), now, field);
            slots.openOverlapping(venueId, start, end).stream().findFirst().ifPresent(other -> {
                throw DomainException.conflict("slot-overlaps", "Slot overlaps another", "The slot on " + day + " "
                        + request.opens() + "–" + request.closes() + " overlaps the venue's open slot " + other.id
                        + " (" + local(other.startsAt) + " to " + local(other.endsAt) + ")");
            });
            slots.persist(slot);
            slots.flush(); // the next date's overlap check sees this one
            facts.slot(BookingFacts.SLOT_PUBLISHED, slot, venue);
            published.add(slot);
        }
        return published;
    }

    /** The venue's slots starting in the period, for everybody: open and closed, with seats left. */
    @Transactional
    public List<VisitSlot> slotsOf(UUID venueId, LocalDate from, LocalDate to, Caller caller) {
        venueService.get(venueId, caller);
        return slots.between(venueId, at(from, 0), at(to.plusDays(1), 0));
    }

    @Transactional
    public VisitSlot close(UUID venueId, UUID slotId, Caller caller) {
        Venue venue = venueService.managed(venueId, ExpectedVersion.ANY, caller);
        VisitSlot slot = slotOf(venueId, slotId);
        slot.close();
        slots.flush();
        facts.slot(BookingFacts.SLOT_CLOSED, slot, venue);
        return slot;
    }

    /**
     * Refuses a booking that cannot fit, from one read without a transaction or a lock: seats only run out while a slot
     * is booked, so a slot already too full at this read would refuse the booking under the lock too (a cancellation
     * committing after this read is ordered after the refusal). A rush at a full slot then never queues on its lock.
     */
    @Transactional(TxType.SUPPORTS)
    public void refuseIfNoRoom(UUID venueId, UUID slotId, int size) {
        slots.peek(slotId).filter(slot -> slot.venueId.equals(venueId))
                .ifPresent(slot -> slot.requireRoomFor(size, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** Books the whole group into the slot or refuses it (409 with the seats left); no account needed. */
    @Transactional
    public Booked book(UUID venueId, UUID slotId, BookingRequest request) {
        VisitSlot slot = slots.lock(slotId).filter(found -> found.venueId.equals(venueId))
                .orElseThrow(() -> DomainException.notFound("Slot", slotId));
        Venue venue = venues.findByIdOptional(venueId).orElseThrow(() -> DomainException.notFound("Venue", venueId));
        venue.requireReceivingVisitors();
        slot.seat(request.size(), OffsetDateTime.now(ZoneOffset.UTC));
        String token = ManageTokens.newToken();
        VisitBooking booking = VisitBooking.confirmed(slot, request.size(), request.school().strip(),
                request.grade() == null || request.grade().isBlank() ? null : request.grade().strip(),
                request.leaderName().strip(), Phones.normalize(request.leaderPhone()), ManageTokens.hash(token));
        bookings.persist(booking);
        bookings.flush();
        facts.booking(BookingFacts.CONFIRMED, booking, slot, venue);
        return new Booked(booking, slot, token);
    }

    /** The booking its manage token opens; 404 for any other token, so ids cannot be probed. */
    @Transactional
    public VisitBooking forBooker(UUID id, String token) {
        return bookings.findByIdOptional(id).filter(booking -> ManageTokens.matches(booking.manageTokenHash(), token))
                .orElseThrow(() -> DomainException.notFound("Booking", id));
    }

    /** A booking of a venue the caller manages (403 otherwise), with the whole contact. */
    @Transactional
    public VisitBooking forManager(UUID id, Caller caller) {
        VisitBooking booking = bookings.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("Booking", id));
        venueService.get(booking.venueId, caller).requireManagedBy(caller);
        return booking;
    }

    @Transactional
    public VisitBooking cancel(UUID id, String token) {
        VisitBooking booking = forBooker(id, token);
        return change(booking, BookingFacts.CANCELLED, (held, slot) -> held.cancel(slot));
    }

    @Transactional
    public VisitBooking reject(UUID id, String reason, Caller caller) {
        VisitBooking booking = forManager(id, caller);
        return change(booking, BookingFacts.REJECTED, (held, slot) -> held.reject(reason, slot));
    }

    @Transactional
    public VisitBooking markAttended(UUID id, int came, Caller caller) {
        VisitBooking booking = forManager(id, caller);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return change(booking, BookingFacts.ATTENDED, (held, slot) -> held.markAttended(came, slot, now));
    }

    /** A venue's bookings for its managers, newest first. */
    @Transactional
    public Page<VisitBooking> ofVenue(UUID venueId, BookingStatus status, UUID slotId, LocalDate from, LocalDate to,
            int page, int size, Caller caller) {
        venueService.get(venueId, caller).requireManagedBy(caller);
        return bookings.ofVenue(venueId, status, slotId, from == null ? null : at(from, 0),
                to == null ? null : at(to.plusDays(1), 0), page, size);
    }

    @Transactional
    public List<VisitBooking> exportOfVenue(UUID venueId, BookingStatus status, UUID slotId, LocalDate from,
            LocalDate to, Caller caller) {
        venueService.get(venueId, caller).requireManagedBy(caller);
        return bookings.allOfVenue(venueId, status, slotId, from == null ? null : at(from, 0),
                to == null ? null : at(to.plusDays(1), 0));
    }

    /** The slot of a booking, for its view. */
    @Transactional
    public VisitSlot slotOf(VisitBooking booking) {
        return slots.findById(booking.slotId);
    }

    /** The slots of a list of bookings, by id, in one query (a page's or an export's views). */
    @Transactional
    public Map<UUID, VisitSlot> slotsOf(List<VisitBooking> listed) {
        List<UUID> ids = listed.stream().map(booking -> booking.slotId).distinct().toList();
        return ids.isEmpty()
                ? Map.of()
                : slots.list("id in ?1", ids).stream().collect(Collectors.toMap(slot -> slot.id, slot -> slot));
    }

    /** Applies a move to a booking under its slot's lock (re-read after the lock, so no move works on a stale copy). */
    private VisitBooking change(VisitBooking booking, String factType,
            java.util.function.BiConsumer<VisitBooking, VisitSlot> move) {
        VisitSlot slot = slots.lock(booking.slotId).orElseThrow();
        bookings.getEntityManager().refresh(booking);
        move.accept(booking, slot);
        bookings.flush();
        Venue venue = venues.findById(booking.venueId);
        facts.booking(factType, booking, slot, venue);
        return booking;
    }

    private VisitSlot slotOf(UUID venueId, UUID slotId) {
        return slots.lock(slotId).filter(slot -> slot.venueId.equals(venueId))
                .orElseThrow(() -> DomainException.notFound("Slot", slotId));
    }

    private static OffsetDateTime at(LocalDate day, int minute) {
        return day.atStartOfDay(OpeningHours.ZONE).toOffsetDateTime().plusMinutes(minute);
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return time.atZoneSameInstant(OpeningHours.ZONE).toOffsetDateTime();
    }
}
