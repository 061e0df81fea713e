package org.vetting.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.vetting.api.CeremonyKind;
import org.vetting.api.SessionStage;

/** Server-side sessions, by the SHA-256 of their identifier; an ended one stays, with when and why. */
public interface SessionDao {
    record SessionRow(String idHash, String username, String csrfToken, SessionStage stage, String method,
                      String address, Instant createdAt, Instant lastSeenAt, Instant secondFactorAt, Instant endedAt,
                      String endReason) {}

    String COLUMNS = """
            id_hash, username, csrf_token, stage, method, address, created_at, last_seen_at, second_factor_at, \
            ended_at, end_reason""";

    @SqlUpdate("INSERT INTO sessions (" + COLUMNS + """
            ) VALUES (:idHash, :username, :csrfToken, :stage, :method, :address, :createdAt, :lastSeenAt,
                      :secondFactorAt, :endedAt, :endReason)""")
    void insert(@BindMethods SessionRow row);

    /** A session that has not ended. */
    @SqlQuery("SELECT " + COLUMNS + " FROM sessions WHERE id_hash = :idHash AND ended_at IS NULL")
    @RegisterConstructorMapper(SessionRow.class)
    Optional<SessionRow> find(@Bind("idHash") String idHash);

    /** A step proved: the session's stage and method, and when a second factor was last proved. */
    @SqlUpdate("""
            UPDATE sessions SET stage = :stage, method = :method, second_factor_at = :secondFactorAt
             WHERE id_hash = :idHash AND ended_at IS NULL""")
    int advance(@Bind("idHash") String idHash, @Bind("stage") SessionStage stage, @Bind("method") String method,
                @Bind("secondFactorAt") Instant secondFactorAt);

    /** A new identifier for a session (its holder proved more): the old one no longer names it. */
    @SqlUpdate("UPDATE sessions SET id_hash = :newHash WHERE id_hash = :idHash AND ended_at IS NULL")
    int rotate(@Bind("idHash") String idHash, @Bind("newHash") String newHash);

    @SqlUpdate("UPDATE sessions SET last_seen_at = :at WHERE id_hash = :idHash AND ended_at IS NULL")
    int touch(@Bind("idHash") String idHash, @Bind("at") Instant at);

    @SqlUpdate("""
            UPDATE sessions SET ended_at = :at, end_reason = :reason
             WHERE id_hash = :idHash AND ended_at IS NULL""")
    int end(@Bind("idHash") String idHash, @Bind("at") Instant at, @Bind("reason") String reason);

    /** Ends every open session of a user; how many there were. */
    @SqlUpdate("""
            UPDATE sessions SET ended_at = :at, end_reason = :reason
             WHERE username = :username AND ended_at IS NULL""")
    int endAll(@Bind("username") String username, @Bind("at") Instant at, @Bind("reason") String reason);

    /** A user's sessions that have not ended, newest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM sessions WHERE username = :username AND ended_at IS NULL"
            + " ORDER BY created_at DESC LIMIT 1000")
    @RegisterConstructorMapper(SessionRow.class)
    List<SessionRow> open(@Bind("username") String username);

    /** A WebAuthn ceremony in progress on a session: the options sent (JSON), what for, when. */
    record CeremonyRow(String ceremonyId, CeremonyKind ceremonyKind, String ceremony, Instant ceremonyAt) {}

    /** Starts a ceremony on a session, replacing one in progress. */
    @SqlUpdate("""
            UPDATE sessions SET ceremony_id = :ceremonyId, ceremony_kind = :ceremonyKind, ceremony = :ceremony,
                   ceremony_at = :ceremonyAt
             WHERE id_hash = :idHash AND ended_at IS NULL""")
    int startCeremony(@Bind("idHash") String idHash, @BindMethods CeremonyRow ceremony);

    @SqlQuery("""
            SELECT ceremony_id, ceremony_kind, ceremony, ceremony_at FROM sessions
             WHERE id_hash = :idHash AND ended_at IS NULL AND ceremony_id IS NOT NULL""")
    @RegisterConstructorMapper(CeremonyRow.class)
    Optional<CeremonyRow> ceremony(@Bind("idHash") String idHash);

    /** Takes a ceremony for its answer: 1 for the one call that took it, 0 for any other (a challenge signs once). */
    @SqlUpdate("""
            UPDATE sessions SET ceremony_id = NULL, ceremony_kind = NULL, ceremony = NULL, ceremony_at = NULL
             WHERE id_hash = :idHash AND ceremony_id = :ceremonyId""")
    int takeCeremony(@Bind("idHash") String idHash, @Bind("ceremonyId") String ceremonyId);
}
