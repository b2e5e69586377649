package org.kepu.events.messaging;

import org.kepu.events.domain.EventSeats;
import org.kepu.events.domain.Registration;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * Derives the payload of the {@code kepu.registration.*} facts from the registration and its event's seats. A field
 * added to {@link Registration} fails the build here until the fact carries it or the list below says why it does not.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR)
public interface RegistrationFactMapper {

    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Who registered is personal information and never leaves event-service.
            "contactName", "contactPhone", "contactEmail", "organization", "checkInCode", "manageTokenHash",
            // Consumers count seats and attendance; the order of arrival, the reason and the times are the API's.
            "arrival", "cancelReason", "createdAt", "updatedAt",
            // Carried as checkedIn: whether, not when.
            "checkedInAt",
            // Registration.isLive(): a rule, not a field.
            "live"})
    @Mapping(target = "registrationId", source = "registration.id")
    @Mapping(target = "eventId", source = "registration.eventId")
    @Mapping(target = "version", source = "registration.version")
    @Mapping(target = "kind", source = "registration.kind")
    @Mapping(target = "size", source = "registration.size")
    @Mapping(target = "status", source = "registration.status")
    @Mapping(target = "checkedIn", expression = "java(registration.checkedInAt != null)")
    @Mapping(target = "seats", source = "seats")
    RegistrationFact toFact(Registration registration, EventSeats seats);

    // The fact carries the counts; the event's own facts carry its settings.
    @BeanMapping(ignoreUnmappedSourceProperties = {"id", "status", "takesRegistrations", "sizeCap", "keepsWaitList",
            "opensAt", "closesAt"})
    RegistrationFact.Seats seats(EventSeats seats);
}
