package org.vetting.access;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vetting.api.AccessEntryView;
import org.vetting.api.ListPage;
import org.vetting.auth.User;
import org.vetting.common.GroupCommit;
import org.vetting.common.ServiceTime;
import org.vetting.db.AccessLogDao;

/** Who read which officer's data, when, through which endpoint, with which answer. */
public final class AccessLog {
    /** Longer paths (long query strings) are cut to this many characters. */
    public static final int MAX_PATH = 512;

    private final Jdbi jdbi;
    private final ServiceTime time;
    // concurrent requests' entries share one transaction and commit (docs/performance.md)
    private final GroupCommit<AccessLogDao.EntryRow> writes;

    public AccessLog(Jdbi jdbi, ServiceTime time) {
        this.jdbi = jdbi;
        this.time = time;
        this.writes = new GroupCommit<>(rows -> jdbi.useTransaction(h -> h.attach(AccessLogDao.class).insert(rows)));
    }

    /**
     * Records one read (or refused attempt) now, and returns once it is committed (or throws: the
     * caller withholds the answer); {@code username} and {@code officerId} may be null.
     */
    public void record(String username, String officerId, String method, String path, int status) {
        writes.write(entry(new Read(username, method, path, status), officerId));
    }

    /**
     * A read whose entry its caller writes in its own transaction (a submission, with the rows it
     * stores: one commit for both): who, through which endpoint, and the status it is answered
     * with once that transaction commits.
     */
    public record Read(String username, String method, String path, int status) {}

    /** The entry recording {@code read} of {@code officerId} now, for {@link #write}. */
    public AccessLogDao.EntryRow entry(Read read, String officerId) {
        String path = read.path().length() > MAX_PATH ? read.path().substring(0, MAX_PATH) : read.path();
        return new AccessLogDao.EntryRow(0, time.now(), read.username(), officerId, read.method(), path, read.status());
    }

    /** Writes entries in the caller's transaction: they commit, or roll back, with what it stores. */
    public static void write(Handle h, List<AccessLogDao.EntryRow> entries) {
        if (!entries.isEmpty()) {
            h.attach(AccessLogDao.class).insert(entries);
        }
    }

    /**
     * A page of entries after {@code after} (an id), oldest first, filtered by officer, user and time
     * ([from, to)); for a country-scoped auditor, entries about officers of other countries are left out.
     */
    /** The filters of a search of the log, each null for "any"; times are [from, to). */
    public record Query(String officerId, String username, Instant from, Instant to) {}

    public ListPage<AccessEntryView> find(Query q, long after, int limit, User auditor) {
        List<AccessLogDao.EntryRow> rows = jdbi.withExtension(AccessLogDao.class, dao -> dao.find(
                new AccessLogDao.Filter(q.officerId(), q.username(), q.from(), q.to(), auditor.countryScoped(), after,
                        limit + 1), auditor.countries()));
        return ListPage.of(rows, limit, e -> Long.toString(e.id()))
                .map(e -> new AccessEntryView(e.at(), e.username(), e.officerId(), e.method(), e.path(), e.status()));
    }
}
