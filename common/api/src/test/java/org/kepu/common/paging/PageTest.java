package org.kepu.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aCountWithinTheCapIsExact() {
        Page<String> page = Page.of(List.of("a", "b"), Page.COUNT_LIMIT, 0, 20);
        assertEquals(Page.COUNT_LIMIT, page.total());
        assertFalse(page.totalCapped());
    }

    @Test
    void aCountPastTheCapSaysMoreThanTheCap() {
        Page<String> page = Page.of(List.of("a"), Page.COUNT_LIMIT + 1, 3, 20);
        assertEquals(Page.COUNT_LIMIT, page.total());
        assertTrue(page.totalCapped());
        assertEquals(3, page.page());
        assertEquals(20, page.size());
    }

    @Test
    void aSearchSaysMoreThanItsOwnCap() {
        Page<String> page = Page.of(List.of("a"), Page.SEARCH_COUNT_LIMIT + 1, Page.SEARCH_COUNT_LIMIT, 0, 20);
        assertEquals(Page.SEARCH_COUNT_LIMIT, page.total());
        assertTrue(page.totalCapped());
        Page<String> exact = Page.of(List.of("a"), Page.SEARCH_COUNT_LIMIT, Page.SEARCH_COUNT_LIMIT, 0, 20);
        assertEquals(Page.SEARCH_COUNT_LIMIT, exact.total());
        assertFalse(exact.totalCapped());
    }

    @Test
    void mappingKeepsTheCountsAndThePosition() {
        Page<Integer> lengths = Page.of(List.of("一", "two"), 2, 1, 2).map(String::length);
        assertEquals(List.of(1, 3), lengths.items());
        assertEquals(2, lengths.total());
        assertEquals(1, lengths.page());
    }
}
