package org.kepu.events.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.kepu.common.paging.Page;
import org.kepu.events.domain.EventSeats;
import org.kepu.events.domain.Registration;
import org.kepu.events.domain.RegistrationStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Registrations, and the seat counts of their events. */
@ApplicationScoped
public class RegistrationRepository implements PanacheRepositoryBase<Registration, UUID> {

    /**
     * The event's registration desk, with the event's row locked until the transaction ends: every seat decision of
     * one event is taken in turn. Empty when there is no such event.
     */
    public Optional<EventSeats> lockSeats(UUID eventId) {
        return Optional.ofNullable(getEntityManager().find(EventSeats.class, eventId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The event's desk as last committed, without a lock: for a refusal that cannot be wrong for long. */
    public Optional<EventSeats> peekSeats(UUID eventId) {
        EventSeats seats = getEntityManager().find(EventSeats.class, eventId);
        if (seats != null) {
            getEntityManager().detach(seats); // so that lockSeats reads the row again, under its lock
        }
        return Optional.ofNullable(seats);
    }

    public Optional<Registration> findByManageTokenHash(String hash) {
        return find("manageTokenHash", hash).firstResultOptional();
    }

    public Optional<Registration> findByCode(UUID eventId, String code) {
        return find("eventId = ?1 and checkInCode = ?2", eventId, code).firstResultOptional();
    }

    /** Whether this phone number already holds a live registration for the event. */
    public boolean phoneHoldsLiveRegistration(UUID eventId, String phone) {
        return count("eventId = ?1 and contactPhone = ?2 and status in ?3", eventId, phone,
                List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAIT_LISTED)) > 0;
    }

    /** The event's wait list, first come first. */
    public List<Registration> waitList(UUID eventId) {
        return list("eventId = ?1 and status = ?2", Sort.by("arrival"), eventId, RegistrationStatus.WAIT_LISTED);
    }

    /** Every live registration of the event, first come first. */
    public List<Registration> live(UUID eventId) {
        return list("eventId = ?1 and status in ?2", Sort.by("arrival"), eventId,
                List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.WAIT_LISTED));
    }

    /** The event's registrations in arrival order, filtered by status and check-in when given. */
    public Page<Registration> ofEvent(UUID eventId, RegistrationStatus status, Boolean checkedIn, int page, int size) {
        StringBuilder where = new StringBuilder("eventId = :event");
        Parameters params = Parameters.with("event", eventId);
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (checkedIn != null) {
            where.append(checkedIn ? " and checkedInAt is not null" : " and checkedInAt is null");
        }
        var query = find(where.toString(), Sort.by("arrival"), params);
        long total = query.count();
        return Page.of(query.page(page, size).list(), total, page, size);
    }

    /** All of them, for an export. */
    public List<Registration> allOfEvent(UUID eventId) {
        return list("eventId", Sort.by("arrival"), eventId);
    }
}
