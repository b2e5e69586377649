package org.kepu.common.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items and how many there are in all.
 *
 * @param items this page's items
 * @param total how many items match in all pages; exact up to the list's cap ({@link #COUNT_LIMIT}, or
 *        {@link #SEARCH_COUNT_LIMIT} for public searches)
 * @param totalCapped true when more than the cap match and {@code total} says only that many
 * @param page the zero-based page number
 * @param size the page size asked for
 */
public record Page<T>(List<T> items, long total, boolean totalCapped, int page, int size) {

    /**
     * Counting stops here: an exact count of a broad search over a million rows costs more than the page itself, and
     * nobody pages that far.
     */
    public static final int COUNT_LIMIT = 1_000;

    /**
     * Public searches count less far. Anyone may ask them, with any point, words and filters, so no cache stands in
     * front of most of them, and counting past the page is most of what a broad search costs the database
     * (bench/README.md has the figures, session 18).
     * What a person searching reads is "100+" anyway; staff lists (an organizer's events, registrations, bookings) keep
     * the exact count to {@link #COUNT_LIMIT}.
     */
    public static final int SEARCH_COUNT_LIMIT = 100;

    /** What a public search's {@code total} means, for its OpenAPI schema. */
    public static final String SEARCH_TOTAL_DOC = "How many match, exact up to " + SEARCH_COUNT_LIMIT
            + "; past that " + SEARCH_COUNT_LIMIT + ", with totalCapped true";

    /** What a public search's {@code totalCapped} means, for its OpenAPI schema. */
    public static final String SEARCH_TOTAL_CAPPED_DOC = "True when more than " + SEARCH_COUNT_LIMIT
            + " match: show \"" + SEARCH_COUNT_LIMIT + "+\"; the pages go on past it";

    /** A page whose count was taken with {@code LIMIT COUNT_LIMIT + 1}, or exactly. */
    public static <T> Page<T> of(List<T> items, long countedUpToLimit, int page, int size) {
        return of(items, countedUpToLimit, COUNT_LIMIT, page, size);
    }

    /** A page whose count was taken with {@code LIMIT cap + 1}, or further. */
    public static <T> Page<T> of(List<T> items, long countedUpToLimit, int cap, int page, int size) {
        boolean capped = countedUpToLimit > cap;
        return new Page<>(items, capped ? cap : countedUpToLimit, capped, page, size);
    }

    /** The same page with each item mapped, e.g. entity to API representation. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, totalCapped, page, size);
    }
}
