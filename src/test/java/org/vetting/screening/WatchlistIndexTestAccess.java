package org.vetting.screening;

import java.util.List;

/** The invented list of {@link WatchlistIndexTest}, for the benchmark. */
public final class WatchlistIndexTestAccess {
    private WatchlistIndexTestAccess() {}

    public static List<WatchlistEntry> invented(int n, long seed) {
        return WatchlistIndexTest.invented(n, seed);
    }
}
