package org.kepu.reporting;

import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactsDocument;
import org.kepu.reporting.messaging.DeadLetters;
import org.kepu.reporting.messaging.PlanFacts;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The AsyncAPI document reporting-service serves and the facts its code writes cannot drift apart: every type
 * constant is a message whose data schema is its fact record, component for component, every example is valid, and
 * the document holds nothing else.
 */
@QuarkusTest
class FactsDocumentTest {

    @Test
    void everyFactTheServiceWritesIsDocumentedAsItsRecordAndNothingElse() {
        FactsDocument.served().describes(PlanFacts.TOPIC, PlanFacts.class, PlanFacts.ReportFact.class)
                .describesDeadLetters(DeadLetters.TOPIC).assertExamplesValid().assertNothingElse();
    }
}
