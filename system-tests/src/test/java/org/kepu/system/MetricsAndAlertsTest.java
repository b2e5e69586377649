package org.kepu.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kepu.common.testing.PrometheusText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The alerts and the dashboard in deploy/observability against the running services: every rule is complete (what,
 * how long, how bad, what to tell the on-call), and every metric a rule or a panel reads is one the services export
 * once they have had some traffic, so neither can silently watch a metric that was renamed or never existed.
 */
@ExtendWith(KepuSystem.class)
class MetricsAndAlertsTest {

    private static final Path RULES = KepuSystem.ROOT.resolve("deploy/observability/kepu-alerts.yaml");
    private static final Path DASHBOARD = KepuSystem.ROOT.resolve("deploy/observability/kepu-dashboard.json");

    /** Each service's own port, where /q/metrics is served (the gateway's is on its public port). */
    private static final Map<String, Integer> SERVICES = Map.of("event-service", 18081, "venue-service", 18082,
            "reporting-service", 18083, "gateway", KepuSystem.GATEWAY_PORT);

    @Test
    void everyRuleSaysWhatHowLongHowBadAndWhatToDo() throws IOException {
        List<JsonNode> rules = rules();
        assertTrue(rules.size() >= 7, "alerts on backlog, oldest fact, lag, dead letters, sequencer, circuit, tables");
        Set<String> names = new HashSet<>();
        for (JsonNode rule : rules) {
            String alert = rule.path("alert").asText();
            assertFalse(alert.isBlank(), "every rule is an alert with a name: " + rule);
            assertTrue(names.add(alert), "alert names are unique: " + alert);
            assertFalse(rule.path("expr").asText().isBlank(), alert + " has an expr");
            assertTrue(rule.path("for").asText().matches("(\\d+(ms|s|m|h|d|w|y))+"), alert + " has a duration in for");
            assertTrue(Set.of("warning", "critical").contains(rule.path("labels").path("severity").asText()),
                    alert + " has labels.severity warning or critical");
            assertFalse(rule.path("annotations").path("summary").asText().isBlank(), alert + " has a summary");
            assertFalse(rule.path("annotations").path("description").asText().isBlank(), alert + " has a description");
        }
    }

    @Test
    void theDashboardHasAPanelForEveryMetricTheAlertsRead() throws IOException {
        JsonNode panels = dashboard().path("panels");
        assertTrue(panels.size() > 0);
        for (JsonNode panel : panels) {
            assertFalse(panel.path("title").asText().isBlank(), "every panel has a title: " + panel);
            assertFalse(expressions(panel).isEmpty(), panel.path("title").asText() + " queries something");
        }
        Set<String> shown = metricsOf(dashboardExpressions());
        Set<String> alerted = metricsOf(ruleExpressions());
        assertTrue(shown.containsAll(alerted), "metrics alerted on without a panel: " + minus(alerted, shown));
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsExported() throws Exception {
        Set<String> needed = new TreeSet<>(metricsOf(ruleExpressions()));
        needed.addAll(metricsOf(dashboardExpressions()));
        // Traffic that gives every series a reason to exist: a fact through the outbox to the consumers (their lag is
        // per assigned partition) and a change in the feed.
        Gateway.publishEvent("org-metrics-" + UUID.randomUUID(), "440106");
        // Micrometer binds a Kafka client's new metrics (a partition's lag after its first fetch) once a minute.
        await("every metric the alerts and the dashboard read, exported").atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(2)).untilAsserted(
                        () -> assertEquals(Set.of(), minus(needed, exported()), "not exported by any service"));
    }

    @Test
    void theMetricsOfEveryServiceWithAnOutboxAreExportedByEachOfThem() {
        for (String service : List.of("event-service", "venue-service", "reporting-service")) {
            await(service + "'s first samples").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> value(service, "kepu_outbox_backlog", Map.of()) >= 0);
            for (String table : List.of("outbox_message", "processed_message", "idempotency_key")) {
                assertTrue(value(service, "kepu_table_size_bytes", Map.of("table", table)) > 0, service + " " + table);
            }
        }
        assertTrue(value("event-service", "kepu_change_feed_backlog_oldest_age_seconds", Map.of()) >= 0);
        assertTrue(value("event-service", "kepu_dead_letters_total", Map.of("topic", "kepu.venues")) >= 0);
        assertTrue(value("reporting-service", "kepu_dead_letters_total", Map.of("topic", "kepu.events")) >= 0);
    }

    @Test
    void aServiceNobodyAnswersShowsItsCircuitOpenOnTheGatewaysGauge() {
        for (int i = 0; i < 3; i++) {
            given().when().get("/api/v1/stopped/anything").then().statusCode(503);
        }
        assertTrue(value("gateway", "kepu_gateway_upstream_circuit_state", Map.of("service", "stopped")) > 0,
                "every instance of the stopped service is ejected");
        assertEquals(1, value("gateway", "kepu_gateway_upstream_instances_ejected", Map.of("service", "stopped")));
        given().when().get("/api/v1/events").then().statusCode(200);
        assertEquals(0, value("gateway", "kepu_gateway_upstream_circuit_state", Map.of("service", "events")));
    }

    private static List<JsonNode> rules() throws IOException {
        JsonNode groups = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile()).path("groups");
        assertTrue(groups.isArray() && groups.size() > 0, "rule groups in " + RULES);
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode group : groups) {
            assertFalse(group.path("name").asText().isBlank(), "every group has a name");
            group.path("rules").forEach(rules::add);
        }
        return rules;
    }

    private static List<String> ruleExpressions() throws IOException {
        return rules().stream().map(rule -> rule.path("expr").asText()).toList();
    }

    private static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    private static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        dashboard().path("panels").forEach(panel -> expressions.addAll(expressions(panel)));
        return expressions;
    }

    private static List<String> expressions(JsonNode panel) {
        List<String> expressions = new ArrayList<>();
        panel.path("targets").forEach(target -> {
            if (!target.path("expr").asText().isBlank()) {
                expressions.add(target.path("expr").asText());
            }
        });
        return expressions;
    }

    private static Set<String> metricsOf(List<String> expressions) {
        Set<String> names = new LinkedHashSet<>();
        expressions.forEach(expression -> names.addAll(PromQl.metricNames(expression)));
        return names;
    }

    /** Every metric name any of the four services exports now. */
    private static Set<String> exported() {
        Set<String> names = new HashSet<>();
        SERVICES.values().forEach(port -> names.addAll(PrometheusText.names(metrics(port))));
        return names;
    }

    private static double value(String service, String name, Map<String, String> labels) {
        return PrometheusText.value(metrics(SERVICES.get(service)), name, new LinkedHashMap<>(labels))
                .orElse(Double.NaN);
    }

    private static String metrics(int port) {
        return given().baseUri("http://127.0.0.1").port(port).when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
    }

    private static Set<String> minus(Set<String> all, Set<String> some) {
        Set<String> rest = new TreeSet<>(all);
        rest.removeAll(some);
        return rest;
    }
}
