package org.vetting.api;

import java.util.List;
import java.util.function.Function;

/** A page of a list (docs/api.md): {@code next} is the cursor of the following page, or null at the end. */
public record ListPage<T>(List<T> items, String next) {

    /**
     * The page of rows read one past {@code limit} (the extra row only says that another page
     * follows): the first {@code limit} rows, and the cursor of the last of them when more follow.
     */
    public static <R> ListPage<R> of(List<R> rows, int limit, Function<R, String> cursor) {
        return rows.size() > limit ? new ListPage<>(List.copyOf(rows.subList(0, limit)), cursor.apply(rows.get(limit - 1)))
                : new ListPage<>(rows, null);
    }

    /** The same page with each item as {@code view} shows it. */
    public <U> ListPage<U> map(Function<T, U> view) {
        return new ListPage<>(items.stream().map(view).toList(), next);
    }
}
