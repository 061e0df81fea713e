package org.vetting.audit;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.vetting.api.FailedSignInView;
import org.vetting.api.ListPage;
import org.vetting.common.ServiceTime;
import org.vetting.db.SignInDao;

/** Failed sign-ins, recorded for auditors: who was tried, from where, when, and what was answered. */
public final class SignIns {
    private final Jdbi jdbi;
    private final ServiceTime time;

    public SignIns(Jdbi jdbi, ServiceTime time) {
        this.jdbi = jdbi;
        this.time = time;
    }

    public void failed(String username, String address, String outcome) {
        Instant now = time.now();
        jdbi.useExtension(SignInDao.class, dao -> dao.insert(now, username, address, outcome));
    }

    public ListPage<FailedSignInView> find(String username, long after, int limit) {
        List<SignInDao.FailedSignIn> rows = jdbi.withExtension(SignInDao.class,
                dao -> dao.find(username, after, limit + 1));
        return ListPage.of(rows, limit, r -> Long.toString(r.id()))
                .map(r -> new FailedSignInView(r.at(), r.username(), r.address(), r.outcome()));
    }
}
