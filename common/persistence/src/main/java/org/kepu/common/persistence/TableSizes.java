package org.kepu.common.persistence;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The size of the tables that only housekeeping keeps from growing for ever (the inbox's {@code processed_message},
 * {@code idempotency_key}, the outbox…), as gauges per table: {@code kepu_table_rows} and
 * {@code kepu_table_size_bytes}.
 *
 * <p>
 * Rows are PostgreSQL's own running estimate ({@code pg_stat_user_tables.n_live_tup}, kept up to date by every
 * transaction's inserts and deletes, not only by ANALYZE as {@code pg_class.reltuples} is), and bytes are the table's
 * with its indexes and TOAST; both are read from the catalogue in microseconds, where a {@code count(*)} of a table of
 * millions would scan it every sample.
 */
@Startup
@ApplicationScoped
public class TableSizes {

    private static final Logger LOG = Logger.getLogger(TableSizes.class);

    /** One table's last sample; NaN until the first, or when the table does not exist in this database. */
    private static final class Size {
        volatile double rows = Double.NaN;
        volatile double bytes = Double.NaN;
    }

    private final EntityManager entityManager;
    private final List<String> tables;
    private final Map<String, Size> sizes = new ConcurrentHashMap<>();

    public TableSizes(EntityManager entityManager, MetricsConfig config, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.tables = List.copyOf(config.tables());
        for (String table : tables) {
            Size size = new Size();
            sizes.put(table, size);
            Gauge.builder("kepu.table.rows", size, s -> s.rows).tag("table", table)
                    .description("Live rows in the table, PostgreSQL's estimate").register(registry);
            Gauge.builder("kepu.table.size", size, s -> s.bytes).tag("table", table).baseUnit("bytes")
                    .description("The table's size on disk with its indexes").register(registry);
        }
    }

    @Scheduled(every = "${kepu.metrics.sample-interval:5s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sample() {
        try {
            QuarkusTransaction.requiringNew().run(this::read);
        } catch (RuntimeException e) {
            // The database away: readiness and the relay say so; the gauges keep their last sample.
            LOG.debugf("Table sizes not sampled: %s", e.getMessage());
        }
    }

    private void read() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT relname, n_live_tup, pg_total_relation_size(relid)"
                + " FROM pg_stat_user_tables WHERE schemaname = current_schema()"
                + " AND relname = ANY(CAST(:tables AS text[]))")
                .setParameter("tables", tables.toArray(String[]::new)).getResultList();
        for (Object[] row : rows) {
            Size size = sizes.get((String) row[0]);
            size.rows = ((Number) row[1]).doubleValue();
            size.bytes = ((Number) row[2]).doubleValue();
        }
    }
}
