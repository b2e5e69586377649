package org.kepu.events.domain;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.kepu.common.persistence.VersionedEntity;

import org.kepu.common.rules.DomainException;

/**
 * One person's or one group's registration for an event (报名). Its contact is personal information: it is shown to
 * the attendee (through the manage token), the event's organizer and admins only, and never leaves the service in
 * facts, logs or reports. Seat counts are decided by {@link EventSeats}.
 */
@Entity
@Table(name = "registration")
public class Registration extends VersionedEntity {

    /** Check-in codes use letters and digits nobody confuses when reading them aloud or off a screen (no 0/O, 1/I/L). */
    static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** Arrival order, given by the database as the row is inserted; the wait list promotes by it. */
    @Column(insertable = false, updatable = false)
    public Long arrival;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationKind kind;

    @Column(nullable = false)
    public int size;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStatus status;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "contact_phone", nullable = false)
    public String contactPhone;

    @Column(name = "contact_email")
    public String contactEmail;

    public String organization;

    @Column(name = "check_in_code", nullable = false)
    public String checkInCode;

    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;

    @Column(name = "manage_token_hash", nullable = false)
    public String manageTokenHash;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** A new registration, not yet admitted; its status is set by {@link EventSeats#admit}. */
    public static Registration of(UUID eventId, RegistrationKind kind, int size, String name, String phone,
            String email, String organization, String manageTokenHash) {
        Registration registration = new Registration();
        registration.id = UUID.randomUUID();
        registration.eventId = eventId;
        registration.kind = kind;
        registration.size = size;
        registration.contactName = name;
        registration.contactPhone = phone;
        registration.contactEmail = email;
        registration.organization = organization;
        registration.manageTokenHash = manageTokenHash;
        registration.checkInCode = newCheckInCode();
        registration.madeAt(now());
        return registration;
    }

    /** A fresh code; unique per event by the database, so a clash (one in 850 billion) is drawn again by the caller. */
    public static String newCheckInCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as an attendee may type it: case and separators do not matter. */
    public static String normalizeCode(String typed) {
        return typed.toUpperCase().replaceAll("[\\s-]", "");
    }

    public boolean isLive() {
        return status.isLive();
    }

    /** Cancels a live registration; the caller gives its seats back through {@link EventSeats#release} first. */
    public void cancel(String reason) {
        requireLive("cancel");
        status = RegistrationStatus.CANCELLED;
        cancelReason = reason;
        touch();
    }

    /** Marks the attendee present; true the first time, false when already checked in (harmless). */
    public boolean checkIn() {
        if (status != RegistrationStatus.CONFIRMED) {
            throw DomainException.conflict("registration-not-confirmed", "Not confirmed",
                    "Only a confirmed registration can check in; this one is " + status);
        }
        if (checkedInAt != null) {
            return false;
        }
        checkedInAt = now();
        touch();
        return true;
    }

    public void requireLive(String move) {
        if (!isLive()) {
            throw DomainException.conflict("registration-cancelled", "Registration cancelled",
                    "Cannot " + move + " a cancelled registration");
        }
    }

    public void touch() {
        updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
