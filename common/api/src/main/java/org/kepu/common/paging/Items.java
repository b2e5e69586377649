package org.kepu.common.paging;

import java.util.List;

/**
 * A complete, unpaged list (a reference list, a report's rows), in the same {@code items}/{@code total} shape as a
 * {@link Page}.
 */
public record Items<T>(List<T> items, long total) {

    public static <T> Items<T> of(List<T> items) {
        return new Items<>(items, items.size());
    }
}
