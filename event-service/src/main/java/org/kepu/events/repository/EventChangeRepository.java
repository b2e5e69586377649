package org.kepu.events.repository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.kepu.common.persistence.Backlog;
import org.kepu.common.persistence.EntityColumns;
import org.kepu.events.domain.EventChange;

/** The change feed's table: changes written with the event, positioned in commit order by the sequencer. */
@ApplicationScoped
public class EventChangeRepository {

    private static final EntityColumns<EventChangeRow> COLUMNS = EntityColumns.of(EventChangeRow.class);

    private static final String INSERT_ALL = COLUMNS.insertAll("event_change");

    private final EntityManager entityManager;

    public EventChangeRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records a change to a public event; must run in the change's transaction. */
    public void record(UUID eventId, String change, long version) {
        COLUMNS.write(entityManager, INSERT_ALL, List.of(new EventChangeRow(eventId, change, version)));
    }

    /** Records one change to each of many public events in one statement, in the order given. */
    public void recordAll(String change, List<UUID> eventIds, List<Long> versions) {
        List<EventChangeRow> rows = new ArrayList<>(eventIds.size());
        for (int i = 0; i < eventIds.size(); i++) {
            rows.add(new EventChangeRow(eventIds.get(i), change, versions.get(i)));
        }
        COLUMNS.write(entityManager, INSERT_ALL, rows);
    }

    /**
     * Gives the committed changes not positioned yet their positions, in insert order, above every position given
     * before. One sequencer at a time across replicas (a transaction-scoped advisory lock; a busy one skips its turn).
     *
     * @return how many changes were positioned
     */
    public int sequence(int atMost) {
        Object locked = entityManager.createNativeQuery(
                "SELECT pg_try_advisory_xact_lock(hashtext('kepu.events.change-feed'))").getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        return entityManager.createNativeQuery("""
                WITH pending AS (
                    SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM event_change
                    WHERE position IS NULL ORDER BY seq LIMIT :limit),
                top AS (SELECT greatest(coalesce(max(position), 0), (SELECT purged_through FROM event_change_horizon))
                        AS position FROM event_change)
                UPDATE event_change c SET position = top.position + pending.n
                FROM pending, top WHERE c.seq = pending.seq
                """).setParameter("limit", atMost).executeUpdate();
    }

    /**
     * The committed changes still waiting for a position, and the oldest one's age in seconds (0 if none): the
     * sequencer's lag. Read from the partial index of unpositioned changes only; the oldest is the first by seq.
     */
    public Backlog.Waiting unsequenced() {
        Object[] row = (Object[]) entityManager.createNativeQuery("SELECT count(*), coalesce(CAST(extract(epoch FROM"
                + " now() - (SELECT changed_at FROM event_change WHERE position IS NULL ORDER BY seq LIMIT 1))"
                + " AS double precision), 0) FROM event_change WHERE position IS NULL").getSingleResult();
        return new Backlog.Waiting(((Number) row[0]).longValue(), ((Number) row[1]).doubleValue());
    }

    /** Up to {@code limit} positioned changes after {@code position}, in position order. */
    public List<EventChange> after(long position, int limit) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = entityManager.createNativeQuery("SELECT position, event_id, change, version, changed_at"
                + " FROM event_change WHERE position > :after ORDER BY position LIMIT :limit", Tuple.class)
                .setParameter("after", position).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new EventChange(r.get("position", Number.class).longValue(),
                r.get("event_id", UUID.class), r.get("change", String.class), r.get("version", Number.class).longValue(),
                toOffset(r.get("changed_at")))).toList();
    }

    /** The newest position given: where a client that has just listed the events starts following. */
    public long latest() {
        Object value = entityManager.createNativeQuery("SELECT greatest(coalesce(max(position), 0),"
                + " (SELECT purged_through FROM event_change_horizon)) FROM event_change").getSingleResult();
        return ((Number) value).longValue();
    }

    /** The position up to which changes have been purged. */
    public long purgedThrough() {
        return ((Number) entityManager.createNativeQuery("SELECT purged_through FROM event_change_horizon")
                .getSingleResult()).longValue();
    }

    /** Drops positioned changes older than {@code before}, and moves the horizon past them. */
    public int purge(OffsetDateTime before) {
        Object through = entityManager.createNativeQuery("SELECT max(position) FROM event_change"
                + " WHERE position IS NOT NULL AND changed_at < :before").setParameter("before", before)
                .getSingleResult();
        if (through == null) {
            return 0;
        }
        long last = ((Number) through).longValue();
        entityManager.createNativeQuery("UPDATE event_change_horizon SET purged_through = greatest(purged_through,"
                + " :last)").setParameter("last", last).executeUpdate();
        return entityManager.createNativeQuery("DELETE FROM event_change WHERE position <= :last")
                .setParameter("last", last).executeUpdate();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
