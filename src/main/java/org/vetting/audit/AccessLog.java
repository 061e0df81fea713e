package org.vetting.audit;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.common.ServiceTime;
import org.vetting.http.AccessLogged;

/**
 * Who read which officer's data, when, through which endpoint, with which answer. A response
 * filter bound to {@link AccessLogged} methods: it runs for answered and for refused (403) calls.
 * Resources name the officer with {@link #officer}.
 */
@AccessLogged
public class AccessLog implements ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
    private static final String OFFICER = AccessLog.class.getName() + ".officerId";

    public record Entry(long id, Instant at, String username, String officerId, String method, String path, int status) {}

    private final Jdbi jdbi;
    private final ServiceTime time;

    public AccessLog(Jdbi jdbi, ServiceTime time) {
        this.jdbi = jdbi;
        this.time = time;
    }

    /** Names the officer whose data this request reads. */
    public static void officer(ContainerRequestContext request, String officerId) {
        request.setProperty(OFFICER, officerId);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        String username = principal == null ? null : principal.getName();
        String officerId = (String) request.getProperty(OFFICER);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query != null) {
            path += "?" + query;
        }
        String logged = path.length() > 512 ? path.substring(0, 512) : path;
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO access_log (at, username, officer_id, method, path, status) "
                            + "VALUES (:at, :username, :officerId, :method, :path, :status)")
                    .bind("at", time.now()).bind("username", username).bind("officerId", officerId)
                    .bind("method", request.getMethod()).bind("path", logged).bind("status", response.getStatus())
                    .execute());
        } catch (RuntimeException e) {
            // the read already happened; losing its trace must be loud
            LOG.error("ACCESS LOG WRITE FAILED: {} {} {} by {} -> {}", request.getMethod(), logged, officerId, username,
                    response.getStatus(), e);
        }
    }

    /** Entries after {@code after} (an id), oldest first, filtered by officer, user and time. */
    public List<Entry> find(String officerId, String username, Instant from, Instant to, long after, int limit) {
        return jdbi.withHandle(h -> {
            StringBuilder sql = new StringBuilder("SELECT id, at, username, officer_id, method, path, status "
                    + "FROM access_log WHERE id > :after");
            if (officerId != null) {
                sql.append(" AND officer_id = :officerId");
            }
            if (username != null) {
                sql.append(" AND username = :username");
            }
            if (from != null) {
                sql.append(" AND at >= :from");
            }
            if (to != null) {
                sql.append(" AND at < :to");
            }
            sql.append(" ORDER BY id");
            return h.createQuery(sql.toString())
                    .configure(org.jdbi.v3.core.statement.SqlStatements.class, c -> c.setUnusedBindingAllowed(true))
                    .bind("after", after).bind("officerId", officerId)
                    .bind("username", username).bind("from", from).bind("to", to).setMaxRows(limit)
                    .map((rs, ctx) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7)))
                    .list();
        });
    }
}
