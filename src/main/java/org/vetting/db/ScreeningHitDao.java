package org.vetting.db;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.vetting.api.HitStatus;

/** Possible matches (one row per subject and list entry as it stood), their reviews, and re-screening runs. */
public interface ScreeningHitDao {
    record HitRow(String hitId, String pairKey, String officerId, String subject, String subjectName, String listName,
                  int listVersion, String entryId, String contentHash, String entryName, BigDecimal score,
                  String matchedParts, HitStatus status, Instant raisedAt, Instant updatedAt) {}

    record ReviewRow(String hitId, int step, String decision, String reasons, String reviewedBy, Instant reviewedAt) {}

    /** A queue item: a hit with its officer's country (for the reader's scope). */
    record QueueRow(String hitId, String officerId, String country, String subject,
                    String subjectName, String listName, String entryId, String entryName, BigDecimal score,
                    HitStatus status, Instant raisedAt) {}

    record RunRow(String listName, int version, Instant startedAt, String afterOfficer, int done, int newHits,
                  int reevaluated, int total, Instant finishedAt) {}

    String COLUMNS = """
            hit_id, pair_key, officer_id, subject, subject_name, list_name, list_version, entry_id, content_hash, \
            entry_name, score, matched_parts, status, raised_at, updated_at""";

    @SqlUpdate("INSERT INTO screening_hits (" + COLUMNS + """
            ) VALUES (:hitId, :pairKey, :officerId, :subject, :subjectName, :listName, :listVersion, :entryId,
                      :contentHash, :entryName, :score, :matchedParts, :status, :raisedAt, :updatedAt)""")
    void insert(@BindMethods HitRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM screening_hits WHERE pair_key = :pairKey")
    @RegisterConstructorMapper(HitRow.class)
    Optional<HitRow> byPair(@Bind("pairKey") String pairKey);

    @SqlQuery("SELECT " + COLUMNS + " FROM screening_hits WHERE hit_id = :hitId")
    @RegisterConstructorMapper(HitRow.class)
    Optional<HitRow> find(@Bind("hitId") String hitId);

    @SqlQuery("SELECT " + COLUMNS + " FROM screening_hits WHERE hit_id = :hitId FOR UPDATE")
    @RegisterConstructorMapper(HitRow.class)
    Optional<HitRow> lock(@Bind("hitId") String hitId);

    @SqlQuery("SELECT " + COLUMNS + " FROM screening_hits WHERE hit_id IN (<ids>) ORDER BY hit_id")
    @RegisterConstructorMapper(HitRow.class)
    List<HitRow> findAll(@BindList("ids") List<String> ids);

    @SqlUpdate("UPDATE screening_hits SET status = :status, updated_at = :at WHERE hit_id = :hitId")
    void setStatus(@Bind("hitId") String hitId, @Bind("status") HitStatus status, @Bind("at") Instant at);

    /** The hits of these officers that still count (not dismissed), for continuous screening. */
    default List<HitRow> standing(List<String> officers) {
        return standing(officers, HitStatus.DISMISSED);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM screening_hits WHERE officer_id IN (<officers>) AND status <> :dismissed")
    @RegisterConstructorMapper(HitRow.class)
    List<HitRow> standing(@BindList("officers") List<String> officers, @Bind("dismissed") HitStatus dismissed);

    /** The review queue: hits with a status, oldest first, after ({@code afterRaised}, {@code afterId}). */
    @SqlQuery("""
            SELECT h.hit_id, h.officer_id, o.country, h.subject, h.subject_name,
                   h.list_name, h.entry_id, h.entry_name, h.score, h.status, h.raised_at
              FROM screening_hits h JOIN officers o ON o.officer_id = h.officer_id
             WHERE h.status IN (<statuses>)
               AND (NOT :scoped OR o.country IN (<countries>))
               AND (h.raised_at > :afterRaised OR (h.raised_at = :afterRaised AND h.hit_id > :afterId))
             ORDER BY h.raised_at, h.hit_id
             LIMIT :limit""")
    @RegisterConstructorMapper(QueueRow.class)
    List<QueueRow> queue(@BindList("statuses") List<HitStatus> statuses, @Bind("scoped") boolean scoped,
                         @BindList("countries") List<String> countries, @Bind("afterRaised") Instant afterRaised,
                         @Bind("afterId") String afterId, @Bind("limit") int limit);

    @SqlUpdate("""
            INSERT INTO screening_reviews (hit_id, step, decision, reasons, reviewed_by, reviewed_at)
            VALUES (:hitId, :step, :decision, :reasons, :reviewedBy, :reviewedAt)""")
    void insertReview(@BindMethods ReviewRow row);

    @SqlQuery("""
            SELECT hit_id, step, decision, reasons, reviewed_by, reviewed_at FROM screening_reviews
             WHERE hit_id = :hitId ORDER BY step""")
    @RegisterConstructorMapper(ReviewRow.class)
    List<ReviewRow> reviews(@Bind("hitId") String hitId);

    String RUN_COLUMNS = "list_name, version, started_at, after_officer, done, new_hits, reevaluated, total, finished_at";

    @SqlUpdate("INSERT INTO screening_runs (" + RUN_COLUMNS + """
            ) VALUES (:listName, :version, :startedAt, :afterOfficer, :done, :newHits, :reevaluated, :total,
                      :finishedAt)""")
    void insertRun(@BindMethods RunRow row);

    @SqlQuery("SELECT " + RUN_COLUMNS + " FROM screening_runs WHERE list_name = :list AND version = :version")
    @RegisterConstructorMapper(RunRow.class)
    Optional<RunRow> run(@Bind("list") String list, @Bind("version") int version);

    @SqlQuery("SELECT " + RUN_COLUMNS + " FROM screening_runs WHERE list_name = :list AND version = :version FOR UPDATE")
    @RegisterConstructorMapper(RunRow.class)
    Optional<RunRow> lockRun(@Bind("list") String list, @Bind("version") int version);

    @SqlQuery("SELECT " + RUN_COLUMNS + " FROM screening_runs WHERE finished_at IS NULL ORDER BY started_at")
    @RegisterConstructorMapper(RunRow.class)
    List<RunRow> unfinishedRuns();

    @SqlUpdate("""
            UPDATE screening_runs SET after_officer = :afterOfficer, done = :done, new_hits = :newHits,
                   reevaluated = :reevaluated, finished_at = :finishedAt
             WHERE list_name = :listName AND version = :version""")
    void advanceRun(@BindMethods RunRow row);

    /** An officer holding a clearance, with their latest record. */
    record Holder(String officerId, int recordVersion, String record) {}

    /**
     * The officers after {@code after} (id order) holding a clearance in one of {@code statuses},
     * each with their latest record: who continuous screening walks, a page at a time.
     */
    @SqlQuery("""
            SELECT o.officer_id, r.version AS record_version, r.record
              FROM (SELECT DISTINCT officer_id FROM clearances
                     WHERE officer_id > :after AND status IN (<statuses>)
                     ORDER BY officer_id LIMIT :limit) o
              JOIN officer_records r ON r.officer_id = o.officer_id
               AND r.version = (SELECT MAX(x.version) FROM officer_records x WHERE x.officer_id = o.officer_id)
             ORDER BY o.officer_id""")
    @RegisterConstructorMapper(Holder.class)
    List<Holder> holders(@BindList("statuses") List<String> statuses, @Bind("after") String after,
                         @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(DISTINCT officer_id) FROM clearances WHERE status IN (<statuses>)")
    int holderCount(@BindList("statuses") List<String> statuses);
}
