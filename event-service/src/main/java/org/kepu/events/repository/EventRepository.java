package org.kepu.events.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.divisions.DivisionCodes;
import org.kepu.common.paging.Page;
import org.kepu.events.domain.Event;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.EventType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Finds events; every public query leaves drafts out. */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, UUID> {

    /** The filters of a public search; null fields do not filter. */
    public record PublicSearch(String divisionCode, OffsetDateTime from, OffsetDateTime to, EventType type) {
    }

    /** Published, completed and cancelled events matching the search, soonest first. */
    public Page<Event> findPublic(PublicSearch search, int page, int size) {
        StringBuilder where = new StringBuilder("status <> :draft");
        Map<String, Object> params = new HashMap<>();
        params.put("draft", EventStatus.DRAFT);
        if (search.divisionCode() != null) {
            where.append(" AND divisionCode LIKE :division");
            params.put("division", DivisionCodes.prefixOf(search.divisionCode()) + "%");
        }
        if (search.from() != null) {
            where.append(" AND endsAt >= :from");
            params.put("from", search.from());
        }
        if (search.to() != null) {
            where.append(" AND startsAt <= :to");
            params.put("to", search.to());
        }
        if (search.type() != null) {
            where.append(" AND type = :type");
            params.put("type", search.type());
        }
        PanacheQuery<Event> query = find(where.toString(), Sort.by("startsAt").and("id"), params);
        List<Event> items = new ArrayList<>(query.page(page, size).list());
        return new Page<>(items, query.count(), page, size);
    }
}
