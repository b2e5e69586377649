package org.kepu.events.repository;

import org.kepu.common.persistence.EntityColumns;
import org.kepu.events.domain.Event;

/**
 * An event's columns for the paths that reach the table by plain JDBC: a search page read as detached snapshots (no
 * session manages them, so nothing is dirty-checked or flushed) and a partner's batch of new events written in one
 * INSERT. Both are derived from the entity's fields and read by column name, so a new field needs nothing here.
 */
final class EventRows {

    /** Every mapped column of {@link Event}. */
    static final EntityColumns<Event> COLUMNS = EntityColumns.of(Event.class);

    /** New events in one statement; parameters from {@code COLUMNS.insertParameters}. The seat counts start at 0. */
    static final String INSERT_ALL = COLUMNS.insertAll("event");

    private EventRows() {
    }
}
