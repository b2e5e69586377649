package org.kepu.venues.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.asyncapi.FactCatalogue;
import org.kepu.common.asyncapi.FactChannel;
import org.kepu.common.asyncapi.FactMessage;
import org.kepu.venues.domain.BookingStatus;
import org.kepu.venues.domain.CertificationLevel;
import org.kepu.venues.domain.CertificationMoveType;
import org.kepu.venues.domain.CertificationStatus;
import org.kepu.venues.domain.EvaluationResult;
import org.kepu.venues.domain.StopSetting;
import org.kepu.venues.domain.VenueKind;
import org.kepu.venues.domain.VenueStatus;

/**
 * The facts venue-service writes, for its AsyncAPI document: every type in {@link VenueFacts}, {@link BookingFacts}
 * and {@link TourFacts}, each with an example fact (FactsDocumentTest fails when a type is missing here).
 */
@ApplicationScoped
public class WrittenFacts implements FactCatalogue {

    private static final UUID VENUE = UUID.fromString("7c2d4e61-0a9b-4c3d-8e5f-1a2b3c4d5e01");
    private static final UUID SLOT = UUID.fromString("7c2d4e61-0a9b-4c3d-8e5f-1a2b3c4d5e02");
    private static final UUID BOOKING = UUID.fromString("7c2d4e61-0a9b-4c3d-8e5f-1a2b3c4d5e03");
    private static final UUID CARAVAN = UUID.fromString("7c2d4e61-0a9b-4c3d-8e5f-1a2b3c4d5e04");
    private static final UUID TOUR = UUID.fromString("7c2d4e61-0a9b-4c3d-8e5f-1a2b3c4d5e05");
    private static final UUID STOP = UUID.fromString("7c2d4e61-0a9b-4c3d-8e5f-1a2b3c4d5e06");

    @Override
    public List<FactChannel> channels() {
        return List.of(venues(), bookings(), tours());
    }

    private static FactChannel venues() {
        VenueFact.Certification certified = new VenueFact.Certification(CertificationStatus.CERTIFIED,
                CertificationLevel.PROVINCIAL, LocalDate.parse("2024-01-01"), LocalDate.parse("2028-12-31"), null);
        return new FactChannel(VenueFacts.TOPIC, "Venues after each change: their place, kind, status and standing "
                + "as an education base. Read by reporting-service and by event-service (the venues events may "
                + "name).", "id", "venue's id", VenueFact.class,
                List.of(new FactMessage(VenueFacts.REGISTERED, "An admin registered a venue",
                        venue(1, VenueStatus.ACTIVE, null, null)),
                        new FactMessage(VenueFacts.UPDATED, "The venue's details or opening hours changed",
                                venue(2, VenueStatus.ACTIVE, null, null)),
                        new FactMessage(VenueFacts.STATUS_CHANGED,
                                "The venue opened, closed for a while, or closed for good",
                                venue(3, VenueStatus.TEMPORARILY_CLOSED, null, null)),
                        new FactMessage(VenueFacts.CERTIFICATION_CHANGED,
                                "A certification move: applied, certified, evaluated, suspended, reinstated, revoked",
                                venue(4, VenueStatus.ACTIVE, certified, new VenueFact.Move(2,
                                        CertificationMoveType.CERTIFY, null, null, null)))));
    }

    private static FactChannel bookings() {
        return new FactChannel(BookingFacts.TOPIC, "Visit slots and group bookings, with the slot's seats after "
                + "each change and never the school's contact. Keyed by the venue, so one venue's facts stay in "
                + "order. Read by reporting-service.", "venueId", "venue's id", BookingFact.class,
                List.of(new FactMessage(BookingFacts.SLOT_PUBLISHED, "A venue opened a slot for group visits",
                        slot(0)), new FactMessage(BookingFacts.SLOT_CLOSED, "The venue closed a slot", slot(45)),
                        new FactMessage(BookingFacts.CONFIRMED, "A school booked seats in a slot",
                                booking(BookingStatus.CONFIRMED, 45, null, 1L)),
                        new FactMessage(BookingFacts.CANCELLED, "The school or the venue cancelled the booking",
                                booking(BookingStatus.CANCELLED, 0, null, 2L)),
                        new FactMessage(BookingFacts.REJECTED, "The venue turned the booking down",
                                booking(BookingStatus.REJECTED, 0, null, 2L)),
                        new FactMessage(BookingFacts.ATTENDED, "The venue recorded how many came",
                                booking(BookingStatus.ATTENDED, 45, 43, 2L))));
    }

    private static FactChannel tours() {
        return new FactChannel(TourFacts.TOPIC, "Tours of mobile units (科普大篷车 caravans, touring exhibitions) and "
                + "their stops. Keyed by the unit, so one unit's facts stay in order. Read by reporting-service.",
                "unitId", "mobile unit's id (a venue of a mobile kind)", TourFact.class,
                List.of(new FactMessage(TourFacts.TOUR_CREATED, "A tour of a mobile unit was planned", tour(1, null)),
                        new FactMessage(TourFacts.TOUR_UPDATED, "The tour's name or year changed", tour(2, null)),
                        new FactMessage(TourFacts.STOP_ADDED, "A stop was added to the tour",
                                tour(3, stop(null, false))),
                        new FactMessage(TourFacts.STOP_CHANGED, "A stop's place or dates changed",
                                tour(4, stop(null, false))),
                        new FactMessage(TourFacts.STOP_REMOVED, "A stop was taken off the tour",
                                tour(5, stop(null, true))),
                        new FactMessage(TourFacts.VISITORS_REPORTED, "How many people a stop served",
                                tour(5, stop(860, false)))));
    }

    private static VenueFact venue(long version, VenueStatus status, VenueFact.Certification certification,
            VenueFact.Move move) {
        return new VenueFact(VENUE, version, "梅州客家科普教育基地", "Meizhou Hakka Science Base", VenueKind.EDUCATION_BASE,
                VenueKind.EDUCATION_BASE.category(), "441402", "441400", "NORTH", 24.29, 116.12, status,
                List.of("ECOLOGY"), List.of("YOUTH"), 600, certification, move);
    }

    private static BookingFact slot(int bookedSeats) {
        return new BookingFact(null, SLOT, VENUE, "441400", "NORTH", OffsetDateTime.parse("2024-10-15T09:30+08:00"),
                60, bookedSeats, null, null, null, "441402", null);
    }

    private static BookingFact booking(BookingStatus status, int bookedSeats, Integer attended, Long version) {
        return new BookingFact(BOOKING, SLOT, VENUE, "441400", "NORTH", OffsetDateTime.parse("2024-10-15T09:30+08:00"),
                60, bookedSeats, 45, status, attended, "441402", version);
    }

    private static TourFact tour(long version, TourFact.Stop stop) {
        return new TourFact(TOUR, CARAVAN, "2024年科普大篷车粤北行", 2024, version, stop);
    }

    private static TourFact.Stop stop(Integer visitors, boolean removed) {
        return new TourFact.Stop(STOP, "440232", "440200", "NORTH", LocalDate.parse("2024-10-14"),
                LocalDate.parse("2024-10-15"), StopSetting.SCHOOL, visitors, removed);
    }
}
