package org.kepu.events.repository;

import org.kepu.events.domain.EventSearch;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import org.hibernate.CacheMode;
import org.hibernate.Session;
import org.kepu.common.paging.Page;
import org.kepu.common.persistence.CustomPlans;
import org.kepu.events.domain.Event;
import org.kepu.events.domain.EventStatus;
import org.kepu.events.domain.PushedState;

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

    private final StructuredSearch structured;

    private final TextSearch text;

    EventRepository(StructuredSearch structured, TextSearch text) {
        this.structured = structured;
        this.text = text;
    }

    /** A partner's event by its id in the partner's system. */
    public java.util.Optional<Event> findBySource(String partnerId, String externalId) {
        return find("partnerId = ?1 AND externalId = ?2", partnerId, externalId).firstResultOptional();
    }

    /**
     * Locks each of a partner's external ids for this transaction, in one statement: a push of the same id elsewhere
     * waits until this one commits, so neither creates a duplicate. The ids are locked in the order given; callers
     * give them sorted, so two batches never wait on each other in a circle.
     */
    public void lockSources(String partnerId, List<String> externalIds) {
        getEntityManager().createNativeQuery("""
                SELECT count(pg_advisory_xact_lock(hashtext(:partner), hashtext(s.external_id)))
                FROM (SELECT external_id FROM unnest(CAST(:ids AS text[])) WITH ORDINALITY AS i(external_id, n)
                      ORDER BY n) s""").setParameter("partner", partnerId)
                .setParameter("ids", externalIds.toArray(String[]::new)).getSingleResult();
    }

    /**
     * What is stored for each of a partner's external ids that has an event, in one statement: the narrow state a batch
     * compares its items with (read by column name, nothing managed), not the events' rows.
     */
    public Map<String, PushedState> pushedStates(String partnerId, List<String> externalIds) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = getEntityManager()
                .createNativeQuery("SELECT id, external_id, status, push_digest, version FROM event"
                        + " WHERE partner_id = :partner AND external_id = ANY(CAST(:ids AS text[]))", Tuple.class)
                .setParameter("partner", partnerId).setParameter("ids", externalIds.toArray(String[]::new))
                .getResultList();
        Map<String, PushedState> byExternalId = new HashMap<>();
        for (Tuple row : rows) {
            PushedState state = new PushedState(row.get("id", UUID.class), row.get("external_id", String.class),
                    EventStatus.valueOf(row.get("status", String.class)), row.get("push_digest", String.class),
                    row.get("version", Number.class).longValue());
            byExternalId.put(state.externalId(), state);
        }
        return byExternalId;
    }

    /** New events in one statement ({@link EventRows#INSERT_ALL}); none of them is managed by this session. */
    public void insertAll(List<Event> newEvents) {
        if (newEvents.isEmpty()) {
            return;
        }
        Query insert = getEntityManager().createNativeQuery(EventRows.INSERT_ALL);
        List<String[]> parameters = EventRows.COLUMNS.insertParameters(newEvents);
        for (int i = 0; i < parameters.size(); i++) {
            insert.setParameter(i + 1, parameters.get(i));
        }
        insert.executeUpdate();
    }

    /** A partner's events, newest first. */
    public Page<Event> ofPartner(String partnerId, int page, int size) {
        var query = find("partnerId = ?1 ORDER BY createdAt DESC, id", partnerId);
        return Page.of(query.page(page, size).list(), query.count(), page, size);
    }

    /**
     * Public events matching the search, in the order it asks for, one page of them and the total. Without free text,
     * and with free text soonest first (the default), one statement answers outside any transaction
     * ({@link StructuredSearch}, {@link TextSearch}); free text by relevance or distance, which must order every match,
     * runs in a transaction of its own planned for its parameters ({@link CustomPlans}).
     */
    public Page<Event> search(EventSearch search, int page, int size) {
        SearchFilters filters = SearchFilters.of(search, Instant.now());
        if (search.text() == null) {
            return structured.find(search, filters, page, size);
        }
        if (search.effectiveOrder() == EventSearch.Order.START_TIME) {
            return text.find(search, filters, page, size);
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            CustomPlans.forThisTransaction(getEntityManager());
            return withText(search, filters, page, size);
        });
    }

    private Page<Event> withText(EventSearch search, SearchFilters filters, int page, int size) {
        long offset = (long) page * size;
        Map<String, Object> params = filters.params();
        String where = filters.where() + " AND " + SearchFilters.TEXT;
        params.put("text", search.text());
        String orderBy = switch (search.effectiveOrder()) {
            case START_TIME, DISTANCE -> "e.starts_at, e.id"; // with a point, nearestFirst orders instead
            case RELEVANCE -> "CASE WHEN strpos(lower(e.title_zh || ' ' || coalesce(e.title_en, '')), lower(:needle)) > 0"
                    + " THEN 0 ELSE 1 END, e.starts_at, e.id";
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
                + (Page.SEARCH_COUNT_LIMIT + 1) + ") m", params);
        return Page.of(load(ids), counted, Page.SEARCH_COUNT_LIMIT, page, size);
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
