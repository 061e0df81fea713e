package org.vetting.audit;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.vetting.api.ListPage;
import org.vetting.api.SignInEvent;
import org.vetting.api.SignInView;
import org.vetting.common.ServiceTime;
import org.vetting.db.SignInDao;

/** The sign-in log, for auditors: who signed in or was tried, from where, when, what happened and how. */
public final class SignIns {
    private final Jdbi jdbi;
    private final ServiceTime time;

    public SignIns(Jdbi jdbi, ServiceTime time) {
        this.jdbi = jdbi;
        this.time = time;
    }

    /** A failed sign-in with HTTP Basic credentials. */
    public void failed(String username, String address, String outcome) {
        record(username, address, SignInEvent.valueOf(outcome), "password");
    }

    /** Records one step of signing in ({@code method}: how, or null where nothing was proved). */
    public void record(String username, String address, SignInEvent event, String method) {
        Instant now = time.now();
        jdbi.useExtension(SignInDao.class, dao -> dao.insert(new SignInDao.SignInRow(0, now, username, address,
                event.name(), method)));
    }

    public ListPage<SignInView> find(String username, long after, int limit) {
        List<SignInDao.SignInRow> rows = jdbi.withExtension(SignInDao.class,
                dao -> dao.find(username, after, limit + 1));
        return ListPage.of(rows, limit, r -> Long.toString(r.id()))
                .map(r -> new SignInView(r.at(), r.username(), r.address(), r.outcome(), r.method()));
    }
}
