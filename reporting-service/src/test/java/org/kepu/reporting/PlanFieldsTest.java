package org.kepu.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactReader;
import org.kepu.common.testing.FactSender;
import org.kepu.common.testing.FieldDrift;
import org.kepu.reporting.messaging.PlanFacts;
import org.kepu.reporting.repository.PlanRepository;
import org.kepu.reporting.service.PlanRequest;
import org.kepu.reporting.service.ReportRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * No layer forgets a field of an annual plan or of a unit's completion report: every field of the requests goes in
 * through the API and lands in the entities, and every field of the entities comes back out in the views and, for a
 * report, in the fact on {@code kepu.plans} with the same value, or is named below as deliberately left out, with
 * why. A plan itself makes no fact: {@code kepu.plans} carries its reports.
 */
@QuarkusTest
class PlanFieldsTest {

    /** Plan fields its view does not show as themselves, and why. */
    static final Map<String, String> LEFT_OUT_OF_PLAN_VIEW = Map.of("createdAt",
            "bookkeeping: the view shows when the plan last changed");

    /** Task fields the plan's view does not show in the task, and why. */
    static final Map<String, String> LEFT_OUT_OF_TASK_VIEW = Map.of(
            "id", "a task is known by its number in its plan", "planId", "the plan it is shown in",
            "sectionNumber", "shown on its section (checked below)", "sectionTitle", "shown on its section (checked below)");

    /** Where the view's sections show the fields their tasks hold. */
    static final Map<String, String> SECTION_SHOWN_AS = Map.of("sectionNumber", "number", "sectionTitle", "title");

    /** Report fields the {@code kepu.plan-report.*} facts do not carry, and why (PlanFacts.ReportFact). */
    static final Map<String, String> LEFT_OUT_OF_REPORT_FACT = Map.of("narrative",
            "long text that consumers such as notifications do not need; they read the report by its id");

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    PlanRepository plans;

    @Test
    void everyRequestFieldReachesTheEntitiesAndEveryEntityFieldReachesTheViewsAndTheFact() throws Exception {
        String unit = "市科协-" + UUID.randomUUID();
        Map<String, Object> task = Map.of("number", 3, "title", "全国科普日", "text", "九月举办全国科普日广州主场活动。", "units",
                List.of(unit, "市科技局"), "leadUnit", unit);
        Map<String, Object> section = Map.of("number", 2, "title", "二、品牌活动", "tasks", List.of(task));
        Map<String, Object> plan = Map.of("year", 2030, "issuingBody", "广州市科学技术局", "title", "2030年广州市科普工作计划",
                "dueOn", "2030-11-15", "sections", List.of(section));
        FieldDrift.assertSetsEvery(PlanRequest.class, plan);
        FieldDrift.assertSetsEvery(PlanRequest.Section.class, section);
        FieldDrift.assertSetsEvery(PlanRequest.Task.class, task);
        String id = PlanTest.create(JSON.writeValueAsString(plan));

        String event = TestFacts.eventBy(FactSender.facts(), unit, "440106", "PUBLISHED", "2030-09-20T01:00:00Z");
        Map<String, Object> report = Map.of("status", "DONE", "narrative", "举办全国科普日主场活动，设互动展区120个。",
                "eventsHeld", 12, "participants", 5200, "figures", Map.of("发放资料（份）", "3000", "展品数", "120"),
                "eventIds", List.of(event));
        FieldDrift.assertSetsEvery(ReportRequest.class, report);
        // 400 naming eventIds[0] until reporting has read the event's fact.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> PlanTest.report(id, 3, unit, PlanTest.unit(unit), report, null).statusCode() == 201);

        Map<String, Object> planFields = FieldDrift.fieldsOf(stored(() -> plans.findById(UUID.fromString(id))));
        Map<String, Object> taskFields = FieldDrift.fieldsOf(stored(() -> plans.tasks(UUID.fromString(id)).get(0)));
        Map<String, Object> reportFields = FieldDrift
                .fieldsOf(stored(() -> plans.report(UUID.fromString(id), 3, unit).orElseThrow()));
        Map<String, Object> described = new HashMap<>(plan);
        described.remove("sections"); // held as the tasks' rows, checked next
        FieldDrift.assertHolds("the stored plan", described, planFields, Map.of());
        FieldDrift.assertHolds("the stored task", task, taskFields, Map.of());
        FieldDrift.assertHolds("the stored task's section", FieldDrift.only(section, "number", "title"), taskFields,
                Map.of("number", "sectionNumber", "title", "sectionTitle"));
        FieldDrift.assertHolds("the stored report", report, reportFields, Map.of());

        JsonNode planView = withVersion(given().auth().oauth2(PlanTest.analyst()).when().get("/api/v1/plans/" + id)
                .then().statusCode(200).extract());
        FieldDrift.assertCarries("the plan's view", planView, planFields, LEFT_OUT_OF_PLAN_VIEW.keySet());
        JsonNode sectionView = FieldDrift.at(planView, "sections.0");
        FieldDrift.assertCarries("the plan's view of its task", FieldDrift.at(sectionView, "tasks.0"), taskFields,
                LEFT_OUT_OF_TASK_VIEW.keySet());
        FieldDrift.assertCarries("the plan's view of its section", sectionView,
                FieldDrift.only(taskFields, "sectionNumber", "sectionTitle"), SECTION_SHOWN_AS, Set.of());

        JsonNode reportView = withVersion(given().auth().oauth2(PlanTest.unit(unit)).when()
                .get("/api/v1/plans/" + id + "/tasks/3/reports/" + unit).then().statusCode(200).extract());
        FieldDrift.assertCarries("the report's view", reportView, reportFields, Set.of());

        String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> facts = FactReader.values(servers, PlanFacts.TOPIC, id, 1, Duration.ofSeconds(30));
        assertEquals(1, facts.size(), "the report facts of plan " + id);
        JsonNode fact = JSON.readTree(facts.get(0)).get("data");
        FieldDrift.assertCarries("the kepu.plan-report.submitted fact", fact, reportFields, Map.of("id", "reportId"),
                LEFT_OUT_OF_REPORT_FACT.keySet());
        FieldDrift.assertCarries("the kepu.plan-report.submitted fact", fact, FieldDrift.only(planFields, "id", "year"),
                Map.of("id", "planId"), Set.of());
    }

    private static <T> T stored(java.util.concurrent.Callable<T> read) {
        return QuarkusTransaction.requiringNew().call(read);
    }

    /** The body as a client reads it with its ETag: plans and reports carry their version only there. */
    private static JsonNode withVersion(ExtractableResponse<Response> response) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(response.asString());
        return body.put("version", Long.parseLong(response.header("ETag").replace("\"", "")));
    }
}
