package org.kepu.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The metric names found in PromQL expressions as alerts and dashboards write them. */
class PromQlTest {

    @Test
    void findsTheMetricsAndNothingElse() {
        assertEquals(Set.of("kepu_outbox_backlog"), PromQl.metricNames("""
                max without (instance, pod) (kepu_outbox_backlog) > 1000
                and max without (instance, pod) (deriv(kepu_outbox_backlog[10m])) > 0"""));
        assertEquals(Set.of("kepu_dead_letters_total"),
                PromQl.metricNames("sum without (instance, pod) (increase(kepu_dead_letters_total[$__rate_interval]))"));
        assertEquals(Set.of("kepu_table_size_bytes"), PromQl.metricNames(
                "max by (job, table) (kepu_table_size_bytes{table=~\"processed_message|idempotency_key\"}) > 5e9"));
        assertEquals(Set.of("a_total", "b:rate5m", "c"), PromQl.metricNames(
                "sum by (x) (rate(a_total{job=\"$job\"}[5m] offset 1d)) / on (x) group_left (y) b:rate5m + c > bool 0.5"));
        assertEquals(Set.of("up"), PromQl.metricNames("label_replace(up, \"svc\", \"$1\", \"job\", \"(.*)\") == Inf"));
    }
}
