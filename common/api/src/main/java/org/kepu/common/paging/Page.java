package org.kepu.common.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items and how many there are in all.
 *
 * @param items this page's items
 * @param total how many items match in all pages
 * @param page the zero-based page number
 * @param size the page size asked for
 */
public record Page<T>(List<T> items, long total, int page, int size) {

    /** The same page with each item mapped, e.g. entity to API representation. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
