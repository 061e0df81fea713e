package org.vetting.resources;

import org.vetting.errors.ValidationFailed;

/** The {@code limit} and {@code cursor} query parameters of every paged list (docs/api.md "Lists"). */
final class Paging {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Paging() {}

    static int limit(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ValidationFailed.of("limit", "a whole number from 1 to " + MAX_LIMIT + ", got " + limit);
    }

    /** A cursor that is a sequence number or id of the list: a whole number, 0 for the first page. */
    static long numericCursor(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            long c = Long.parseLong(cursor);
            if (c >= 0) {
                return c;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ValidationFailed.of("cursor", "not a cursor of this list: " + cursor);
    }
}
