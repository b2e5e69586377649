package org.kepu.events;

import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactsDocument;
import org.kepu.events.messaging.EventFact;
import org.kepu.events.messaging.EventFacts;
import org.kepu.events.messaging.RegistrationFact;
import org.kepu.events.messaging.RegistrationFacts;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The AsyncAPI document event-service serves and the facts its code writes cannot drift apart: every type constant
 * is a message whose data schema is its fact record, component for component, every example is valid, and the
 * document holds nothing else.
 */
@QuarkusTest
class FactsDocumentTest {

    @Test
    void everyFactTheServiceWritesIsDocumentedAsItsRecordAndNothingElse() {
        FactsDocument.served().describes("kepu.events", EventFacts.class, EventFact.class)
                .describes("kepu.registrations", RegistrationFacts.class, RegistrationFact.class)
                .describesDeadLetters("kepu.dead-letters").assertExamplesValid().assertNothingElse();
    }
}
