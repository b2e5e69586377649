package org.kepu.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.kepu.common.rules.DomainException;

/** When a rebuild may run over topics that lost facts, and what its refusal tells the admin. */
class HistoryGapTest {

    private static final List<HistoryGap> GAPS = List.of(new HistoryGap("kepu.tours", 0, 1200),
            new HistoryGap("kepu.venues", 2, 7));

    @Test
    void aRebuildOverWholeHistoriesRuns() {
        assertDoesNotThrow(() -> HistoryGap.requireFullHistory(List.of(), false));
    }

    @Test
    void aRebuildOverLostFactsIsAConflictNamingEachTopicPartitionAndTheOffsetItsHistoryStartsAt() {
        DomainException refusal = assertThrows(DomainException.class,
                () -> HistoryGap.requireFullHistory(GAPS, false));
        assertAll(() -> assertEquals(DomainException.Kind.CONFLICT, refusal.kind()),
                () -> assertEquals("rebuild-history-incomplete", refusal.slug()),
                () -> assertTrue(refusal.getMessage().contains("kepu.tours partition 0 starts at offset 1200 (facts"
                        + " 0–1199 are gone)"), refusal.getMessage()),
                () -> assertTrue(refusal.getMessage().contains("kepu.venues partition 2 starts at offset 7"),
                        refusal.getMessage()),
                () -> assertTrue(refusal.getMessage().contains("acceptMissingHistory=true"), refusal.getMessage()));
    }

    @Test
    void anAdminWhoAcceptsTheLossMayRebuildFromWhatIsLeft() {
        assertDoesNotThrow(() -> HistoryGap.requireFullHistory(GAPS, true));
    }
}
