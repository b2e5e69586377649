package org.kepu.events.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kepu.common.asyncapi.FactCatalogue;
import org.kepu.common.asyncapi.FactChannel;
import org.kepu.common.asyncapi.FactMessage;
import org.kepu.events.config.EventsConfig;
import org.kepu.events.domain.EventFormat;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.EventType;
import org.kepu.events.domain.RegistrationKind;
import org.kepu.events.domain.RegistrationStatus;

/**
 * The facts event-service writes, for its AsyncAPI document: every type in {@link EventFacts} and
 * {@link RegistrationFacts}, each with an example fact (FactsDocumentTest fails when a type is missing here).
 */
@ApplicationScoped
public class WrittenFacts implements FactCatalogue {

    private static final UUID EVENT = UUID.fromString("0b6f3c52-3f7e-4d43-9a0e-6a4f0c1d2e01");
    private static final UUID REGISTRATION = UUID.fromString("5d1e9a7b-2c44-4f0a-8b61-93c0f2a7b502");
    private static final OffsetDateTime STARTS = OffsetDateTime.parse("2024-09-21T14:00+08:00");

    private final EventsConfig config;
    private final String deadLetters;

    public WrittenFacts(EventsConfig config,
            @ConfigProperty(name = "mp.messaging.incoming.venue-facts.dead-letter-queue.topic") String deadLetters) {
        this.config = config;
        this.deadLetters = deadLetters;
    }

    @Override
    public List<FactChannel> channels() {
        return List.of(events(), registrations());
    }

    @Override
    public Optional<String> deadLetterTopic() {
        return Optional.of(deadLetters);
    }

    private FactChannel events() {
        return new FactChannel(config.topics().events(), "Public events after each move of their lifecycle (drafts "
                + "are private: publication is an event's first fact). Read by reporting-service and by "
                + "event-service's other replicas, to keep their caches fresh.", "id", "event's id", EventFact.class,
                List.of(new FactMessage(EventFacts.PUBLISHED, "An organizer or a partner published an event",
                        event(EventStatus.PUBLISHED, 1, null, null, null)),
                        new FactMessage(EventFacts.UPDATED, "A published event's details changed",
                                event(EventStatus.PUBLISHED, 2, null, null, null)),
                        new FactMessage(EventFacts.CANCELLED, "The event was cancelled, with the reason",
                                event(EventStatus.CANCELLED, 3, "台风预警，活动取消", null, null)),
                        new FactMessage(EventFacts.COMPLETED, "The event took place and is closed",
                                event(EventStatus.COMPLETED, 3, null, null, null)),
                        new FactMessage(EventFacts.ATTENDANCE_REPORTED,
                                "The organizer reported how many took part, in person and online",
                                event(EventStatus.COMPLETED, 4, null, 76, 1200))));
    }

    private FactChannel registrations() {
        return new FactChannel(config.topics().registrations(), "Registrations for events after each change, never "
                + "with who registered, and the event's seat counts after it. Keyed by the event, so one event's "
                + "counts never go back in time for a consumer. Read by reporting-service.", "eventId", "event's id",
                RegistrationFact.class,
                List.of(new FactMessage(RegistrationFacts.CONFIRMED, "A person or group got seats",
                        registration(RegistrationStatus.CONFIRMED, 1, false, 3, 0)),
                        new FactMessage(RegistrationFacts.WAIT_LISTED,
                                "No seats were left: the registration waits, in arrival order",
                                registration(RegistrationStatus.WAIT_LISTED, 1, false, 80, 3)),
                        new FactMessage(RegistrationFacts.PROMOTED,
                                "Seats came free and a wait-listed registration got them",
                                registration(RegistrationStatus.CONFIRMED, 2, false, 80, 0)),
                        new FactMessage(RegistrationFacts.RESIZED, "A registration's size changed",
                                registration(RegistrationStatus.CONFIRMED, 2, false, 3, 0)),
                        new FactMessage(RegistrationFacts.CANCELLED,
                                "The attendee or organizer cancelled it, or the event was cancelled",
                                registration(RegistrationStatus.CANCELLED, 2, false, 0, 0)),
                        new FactMessage(RegistrationFacts.CHECKED_IN, "The group arrived and was checked in",
                                registration(RegistrationStatus.CONFIRMED, 2, true, 3, 0))));
    }

    private static EventFact event(EventStatus status, long version, String cancelReason, Integer offline,
            Integer online) {
        return new EventFact(EVENT, version, status, "科普讲座：人工智能与生活", "AI and Everyday Life", EventType.LECTURE,
                null, List.of("AI"), List.of("PUBLIC", "YOUTH"), List.of("SIGN_LANGUAGE"), EventFormat.HYBRID,
                STARTS, STARTS.plusHours(2), "440106", "440100", "PRD", null, "gdast", List.of("天河区科协"), 80,
                STARTS.minusDays(20), cancelReason, offline, online, null, null);
    }

    private static RegistrationFact registration(RegistrationStatus status, long version, boolean checkedIn,
            int confirmed, int waiting) {
        return new RegistrationFact(REGISTRATION, EVENT, version, RegistrationKind.GROUP, 3, status, checkedIn,
                new RegistrationFact.Seats(80, confirmed, waiting == 0 ? 0 : 1, waiting, checkedIn ? 3 : 0));
    }
}
