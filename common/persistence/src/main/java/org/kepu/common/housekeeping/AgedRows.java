package org.kepu.common.housekeeping;

import java.time.Duration;

/**
 * The rows of one table that housekeeping deletes: those whose {@code ageColumn} is older than {@code retention}.
 * Rows where the column is null (an outbox row not yet published) never are.
 *
 * @param table one of kepu-common's tables (a constant, never input)
 * @param ageColumn the time a row's retention counts from; an index on it lets a batch find the oldest rows
 * @param retention how long a row is kept
 */
record AgedRows(String table, String ageColumn, Duration retention) {

    /**
     * Deletes up to {@code :limit} rows past retention, oldest first. The rows are picked and locked in the same
     * statement, skipping any another transaction holds (a writer, or a second replica's housekeeping), so it never
     * waits for a writer; it deletes by physical row id, which the lock keeps stable, so one statement fits every
     * table whatever its key. Ages are read on the database's clock, the one that stamped most of the rows.
     */
    String deleteBatch() {
        return "DELETE FROM " + table + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + table + " WHERE " + ageColumn
                + " < now() - make_interval(secs => CAST(:retentionSeconds AS double precision)) ORDER BY "
                + ageColumn + " LIMIT :limit FOR UPDATE SKIP LOCKED))";
    }
}
