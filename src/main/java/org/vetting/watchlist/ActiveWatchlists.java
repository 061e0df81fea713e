package org.vetting.watchlist;

import java.util.Comparator;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.common.Json;
import org.vetting.db.WatchlistDao;
import org.vetting.screening.WatchlistEntry;
import org.vetting.screening.WatchlistIndex;

/**
 * The list versions in force, each as a retrieval index in memory. The database's ACTIVE rows are
 * the truth: {@link #refresh()} (at start, after an import or approval here, and on every poll)
 * loads the versions that changed, so every instance screens against the same lists within a poll.
 */
public final class ActiveWatchlists {
    private static final Logger LOG = LoggerFactory.getLogger(ActiveWatchlists.class);
    private static final int PAGE = 5_000;

    private final Jdbi jdbi;
    private final Map<String, WatchlistIndex> byList = new ConcurrentHashMap<>();

    public ActiveWatchlists(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The indexes of the versions in force, in list-name order. */
    public List<WatchlistIndex> current() {
        List<WatchlistIndex> lists = new ArrayList<>(byList.values());
        lists.sort(Comparator.comparing(WatchlistIndex::list));
        return lists;
    }

    public Optional<WatchlistIndex> of(String list) {
        return Optional.ofNullable(byList.get(list));
    }

    /** Loads every list whose active version is not the one held; drops lists no longer active. */
    public synchronized void refresh() {
        List<WatchlistDao.VersionRow> active = jdbi.withExtension(WatchlistDao.class, WatchlistDao::activeVersions);
        for (WatchlistDao.VersionRow v : active) {
            WatchlistIndex held = byList.get(v.listName());
            if (held == null || held.version() != v.version()) {
                long started = System.nanoTime();
                byList.put(v.listName(), new WatchlistIndex(v.listName(), v.version(), load(v.listName(), v.version())));
                LOG.info("watchlist {} version {} in force: {} entries indexed in {} ms", v.listName(), v.version(),
                        v.entries(), (System.nanoTime() - started) / 1_000_000);
            }
        }
        byList.keySet().removeIf(list -> active.stream().noneMatch(v -> v.listName().equals(list)));
    }

    /** A version's entries, read a page at a time. */
    public List<WatchlistEntry> load(String list, int version) {
        List<WatchlistEntry> entries = new ArrayList<>();
        String after = "";
        while (true) {
            String from = after;
            List<WatchlistDao.EntryRow> page = jdbi.withExtension(WatchlistDao.class,
                    dao -> dao.entries(list, version, from, PAGE));
            page.forEach(r -> entries.add(Json.read(r.entry(), WatchlistEntry.class)));
            if (page.size() < PAGE) {
                return entries;
            }
            after = page.get(page.size() - 1).entryId();
        }
    }
}
