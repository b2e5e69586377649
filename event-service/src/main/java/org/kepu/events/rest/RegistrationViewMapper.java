package org.kepu.events.rest;

import java.time.OffsetDateTime;

import org.kepu.common.divisions.ProvinceTime;
import org.kepu.common.privacy.Phones;
import org.kepu.events.domain.Registration;
import org.mapstruct.BeanMapping;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * Derives the API's views of a registration from the entity. A field added to {@link Registration} fails the build
 * here until the views show it or the lists below say why they do not.
 */
@Mapper(unmappedSourcePolicy = ReportingPolicy.ERROR, imports = Phones.class)
public interface RegistrationViewMapper {

    /** The whole registration, contact included, as its attendee, the organizer and admins see it alone. */
    @BeanMapping(ignoreUnmappedSourceProperties = {
            // Shown together, in contact.
            "contactName", "contactPhone", "contactEmail", "organization",
            // The order of arrival only places the wait list (waitListPosition); the manage token is a secret.
            "arrival", "manageTokenHash",
            // Registration.isLive(): a rule, not a field.
            "live"})
    @Mapping(target = "contact", expression = "java(new RegistrationView.Contact(registration.contactName,"
            + " registration.contactPhone, registration.contactEmail, registration.organization))")
    @Mapping(target = "waitListPosition", source = "waitListPosition")
    RegistrationView whole(Registration registration, Integer waitListPosition);

    /** A registration in a list: the phone masked, the e-mail left out, no wait-list position. */
    @BeanMapping(ignoreUnmappedSourceProperties = {"contactName", "contactPhone", "contactEmail", "organization",
            "arrival", "manageTokenHash", "live"})
    @Mapping(target = "contact", expression = "java(new RegistrationView.Contact(registration.contactName,"
            + " Phones.mask(registration.contactPhone), null, registration.organization))")
    @Mapping(target = "waitListPosition", ignore = true)
    RegistrationView inList(Registration registration);

    /** Every time the API shows is in the province's zone. */
    default OffsetDateTime local(OffsetDateTime time) {
        return ProvinceTime.local(time);
    }
}
