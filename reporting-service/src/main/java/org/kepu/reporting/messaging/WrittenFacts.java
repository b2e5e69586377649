package org.kepu.reporting.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.kepu.common.asyncapi.FactCatalogue;
import org.kepu.common.asyncapi.FactChannel;
import org.kepu.common.asyncapi.FactMessage;
import org.kepu.reporting.domain.ReportStatus;
import org.kepu.reporting.messaging.PlanFacts.ReportFact;

/**
 * The facts reporting-service writes, for its AsyncAPI document: every type in {@link PlanFacts}, each with an example
 * fact (FactsDocumentTest fails when a type is missing here), and the dead letters of its consumers.
 */
@ApplicationScoped
public class WrittenFacts implements FactCatalogue {

    private static final UUID PLAN = UUID.fromString("3e8a1f20-6b4c-4d7e-9f10-2a3b4c5d6e01");
    private static final UUID REPORT = UUID.fromString("3e8a1f20-6b4c-4d7e-9f10-2a3b4c5d6e02");
    private static final OffsetDateTime SUBMITTED = OffsetDateTime.parse("2024-11-20T10:15+08:00");

    @Override
    public List<FactChannel> channels() {
        return List.of(new FactChannel(PlanFacts.TOPIC, "Units' completion reports on the tasks of annual plans "
                + "(due by 30 November), without their narrative. Keyed by the plan, so one plan's reports stay in "
                + "order.", "planId", "plan's id", ReportFact.class,
                List.of(new FactMessage(PlanFacts.REPORT_SUBMITTED, "A responsible unit first reported on a task",
                        report(ReportStatus.IN_PROGRESS, false, SUBMITTED, 1)),
                        new FactMessage(PlanFacts.REPORT_REVISED, "The unit revised its report",
                                report(ReportStatus.DONE, true, SUBMITTED.plusDays(12), 2)))));
    }

    @Override
    public Optional<String> deadLetterTopic() {
        return Optional.of(DeadLetters.TOPIC);
    }

    private static ReportFact report(ReportStatus status, boolean late, OffsetDateTime updatedAt, long version) {
        return new ReportFact(REPORT, PLAN, 2024, 7, "天河区科协", status, late, 12, 3400, Map.of("培训人次", "560"),
                List.of(UUID.fromString("0b6f3c52-3f7e-4d43-9a0e-6a4f0c1d2e01")), SUBMITTED, updatedAt, version);
    }
}
