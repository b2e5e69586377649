package org.kepu.venues;

import org.junit.jupiter.api.Test;
import org.kepu.common.testing.FactsDocument;
import org.kepu.venues.messaging.BookingFact;
import org.kepu.venues.messaging.BookingFacts;
import org.kepu.venues.messaging.TourFact;
import org.kepu.venues.messaging.TourFacts;
import org.kepu.venues.messaging.VenueFact;
import org.kepu.venues.messaging.VenueFacts;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The AsyncAPI document venue-service serves and the facts its code writes cannot drift apart: every type constant
 * is a message whose data schema is its fact record, component for component, every example is valid, and the
 * document holds nothing else.
 */
@QuarkusTest
class FactsDocumentTest {

    @Test
    void everyFactTheServiceWritesIsDocumentedAsItsRecordAndNothingElse() {
        FactsDocument.served().describes(VenueFacts.TOPIC, VenueFacts.class, VenueFact.class)
                .describes(BookingFacts.TOPIC, BookingFacts.class, BookingFact.class)
                .describes(TourFacts.TOPIC, TourFacts.class, TourFact.class).assertExamplesValid()
                .assertNothingElse();
    }
}
