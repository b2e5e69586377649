package org.kepu.events.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.kepu.common.paging.Page;
import org.kepu.common.persistence.CustomPlans;
import org.kepu.events.domain.Event;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Finds events; every public query leaves drafts out.
 *
 * <p>
 * A search first picks the page's ids and counts the matches from narrow columns (index-only where the indexes cover
 * the filters), then reads only that page's rows: reading every candidate's wide row is what made searches slow.
 */
@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, UUID> {

    /**
     * How many of the soonest filtered events are checked for free text before the terms index is asked instead: a
     * common word (科普 is in a third of all titles) fills a page within the first few dozen, a rare one is found faster
     * through the index.
     */
    static final int TEXT_PROBE_ROWS = 5_000;

    private final StructuredSearch structured;

    EventRepository(StructuredSearch structured) {
        this.structured = structured;
    }

    /** A partner's event by its id in the partner's system. */
    public java.util.Optional<Event> findBySource(String partnerId, String externalId) {
        return find("partnerId = ?1 AND externalId = ?2", partnerId, externalId).firstResultOptional();
    }

    /** A partner's events, newest first. */
    public Page<Event> ofPartner(String partnerId, int page, int size) {
        var query = find("partnerId = ?1 ORDER BY createdAt DESC, id", partnerId);
        return Page.of(query.page(page, size).list(), query.count(), page, size);
    }

    /**
     * Public events matching the search, in the order it asks for, one page of them and the total. Without free text
     * one statement answers, outside any transaction ({@link StructuredSearch}); with it, a transaction of its own
     * planned for its parameters ({@link CustomPlans}), since how a word is best found depends on how common it is.
     */
    public Page<Event> search(EventSearch search, int page, int size) {
        SearchFilters filters = SearchFilters.of(search, Instant.now());
        if (search.text() == null) {
            return structured.find(search, filters, page, size);
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            CustomPlans.forThisTransaction(getEntityManager());
            return withText(search, filters, page, size);
        });
    }

    private Page<Event> withText(EventSearch search, SearchFilters filters, int page, int size) {
        long offset = (long) page * size;
        if (search.effectiveOrder() == EventSearch.Order.START_TIME) {
            return textByStartTime(search.text(), filters, offset, page, size);
        }
        Map<String, Object> params = filters.params();
        String where = filters.where() + " AND " + SearchFilters.TEXT;
        params.put("text", search.text());
        String orderBy = switch (search.effectiveOrder()) {
            case START_TIME -> "e.starts_at, e.id";
            case RELEVANCE -> "CASE WHEN strpos(lower(e.title_zh || ' ' || coalesce(e.title_en, '')), lower(:needle)) > 0"
                    + " THEN 0 ELSE 1 END, e.starts_at, e.id";
            case DISTANCE -> "e.starts_at, e.id"; // with a point, nearestFirst orders instead
        };
        Map<String, Object> pageParams = new HashMap<>(params);
        if (orderBy.contains(":needle")) {
            pageParams.put("needle", search.text().trim());
        }
        String pageSql = search.near() != null && search.effectiveOrder() == EventSearch.Order.DISTANCE
                ? SearchFilters.nearestFirst("e.id", where, pageParams, offset + size, search)
                : "SELECT e.id FROM event e WHERE " + where + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset";
        List<UUID> ids = ids(pageSql, pageParams, size, offset);
        long counted = countUpToCap("SELECT count(*) FROM (SELECT 1 FROM event e WHERE " + where + " LIMIT "
                + (Page.COUNT_LIMIT + 1) + ") m", params);
        return Page.of(load(ids), counted, page, size);
    }

    /**
     * Free text, soonest first. Which plan is fast depends on how common the words are, and PostgreSQL's estimate for
     * array containment is poor for multi-character Chinese words (it treats 机器 and 器人 as independent), so the
     * query tries the plan for common words first and falls back to the terms index for rare ones.
     */
    private Page<Event> textByStartTime(String text, SearchFilters filters, long offset, int page, int size) {
        Map<String, Object> params = filters.params();
        params.put("text", text);
        List<UUID> ids = ids("SELECT s.id FROM (SELECT e.id, e.starts_at, e.search_terms FROM event e WHERE "
                + filters.where() + " ORDER BY e.starts_at, e.id LIMIT " + TEXT_PROBE_ROWS + ") s"
                + " WHERE s.search_terms @> kepu_query_terms(:text) ORDER BY s.starts_at, s.id LIMIT :limit OFFSET :offset",
                params, size, offset);
        long counted;
        if (ids.size() == size) {
            // Common words: counting by scanning the filtered rows reaches the cap quickly; OFFSET 0 keeps the
            // planner from answering the word through the terms index, which would first collect every match.
            counted = countUpToCap("SELECT count(*) FROM (SELECT 1 FROM (SELECT e.search_terms FROM event e WHERE "
                    + filters.where() + " OFFSET 0) s WHERE s.search_terms @> kepu_query_terms(:text) LIMIT "
                    + (Page.COUNT_LIMIT + 1) + ") m", params);
        } else {
            // Rare words (or few filtered rows): collect every match through the terms index, then order them.
            String where = filters.where() + " AND " + SearchFilters.TEXT;
            ids = ids("WITH m AS MATERIALIZED (SELECT e.id, e.starts_at FROM event e WHERE " + where + ")"
                    + " SELECT m.id FROM m ORDER BY m.starts_at, m.id LIMIT :limit OFFSET :offset", params, size, offset);
            counted = countUpToCap("SELECT count(*) FROM (SELECT 1 FROM event e WHERE " + where + " LIMIT "
                    + (Page.COUNT_LIMIT + 1) + ") m", params);
        }
        return Page.of(load(ids), counted, page, size);
    }

    private List<UUID> ids(String sql, Map<String, Object> params, int limit, long offset) {
        // No result class: with one, Hibernate 6 caches a plan per call under keys that never match, and every search
        // then compared its SQL against the whole cache (a third of event-service's CPU under load).
        Query query = getEntityManager().createNativeQuery(sql);
        params.forEach(query::setParameter);
        query.setParameter("limit", limit).setParameter("offset", offset);
        List<?> rows = query.getResultList();
        return rows.stream().map(UUID.class::cast).toList();
    }

    private long countUpToCap(String sql, Map<String, Object> params) {
        Query query = getEntityManager().createNativeQuery(sql);
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * The page's events, in the order of their ids: one statement by primary key over an array parameter, kept as a
     * read-only snapshot (the transaction's commit has nothing to check for changes).
     */
    private List<Event> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().unwrap(Session.class).byMultipleIds(Event.class).with(CacheMode.IGNORE)
                .enableReturnOfDeletedEntities(false).enableOrderedReturn(true).withReadOnly(true).multiLoad(ids);
    }

    /**
     * Marks the public events that ended longer ago than {@link SearchFilters#CONCLUDED_AFTER} as concluded, so that
     * they leave the upcoming indexes; returns how many. Writes no version and no fact: the flag is only a search hint.
     */
    public int markConcluded() {
        return getEntityManager()
                .createNativeQuery("UPDATE event SET concluded = true WHERE NOT concluded AND ends_at < :cutoff")
                .setParameter("cutoff", OffsetDateTime.now(ZoneOffset.UTC).minus(SearchFilters.CONCLUDED_AFTER))
                .executeUpdate();
    }
}
