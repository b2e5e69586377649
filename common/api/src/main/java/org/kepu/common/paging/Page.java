package org.kepu.common.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items and how many there are in all.
 *
 * @param items this page's items
 * @param total how many items match in all pages; exact up to {@link #COUNT_LIMIT}
 * @param totalCapped true when more than {@link #COUNT_LIMIT} match and {@code total} says only that many
 * @param page the zero-based page number
 * @param size the page size asked for
 */
public record Page<T>(List<T> items, long total, boolean totalCapped, int page, int size) {

    /**
     * Counting stops here: an exact count of a broad search over a million rows costs more than the page itself, and
     * nobody pages that far.
     */
    public static final int COUNT_LIMIT = 1_000;

    /** A page whose count was taken with {@code LIMIT COUNT_LIMIT + 1}. */
    public static <T> Page<T> of(List<T> items, long countedUpToLimit, int page, int size) {
        boolean capped = countedUpToLimit > COUNT_LIMIT;
        return new Page<>(items, capped ? COUNT_LIMIT : countedUpToLimit, capped, page, size);
    }

    /** The same page with each item mapped, e.g. entity to API representation. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, totalCapped, page, size);
    }
}
