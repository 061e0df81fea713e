package org.vetting.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.vetting.api.AdverseKind;
import org.vetting.api.AdverseResult;
import org.vetting.api.AdverseStage;
import org.vetting.api.AdverseStep;
import org.vetting.api.ClearanceCause;
import org.vetting.api.LetterKind;

/** Adverse cases (policy section 9, V18): the case, its append-only steps, and its letters. */
public interface AdverseCaseDao {

    /**
     * One case. {@code openKey} is set while it is open (one open case per clearance); the clocks are
     * the rule set's when it opened; {@code languages} the letters' ("ES", "EN,ES"…), set with the notice.
     */
    record CaseRow(String caseId, String officerId, String unit, AdverseKind kind, AdverseStage stage,
                   AdverseResult result, String evaluationId, String openedBy, ClearanceCause openedCause,
                   Instant openedAt, int replyDays, int extensionDays, int appealDays, String languages,
                   String noticeIssuedBy, Instant noticeIssuedAt, LocalDate replyDueOn, LocalDate extendedTo,
                   String reconsideredBy, Instant finalAt, LocalDate appealDueOn, Instant closedAt, Instant updatedAt,
                   String openKey) {

        /** The last day a reply is taken: the extended day once granted. */
        public LocalDate replyWindowEnds() {
            return extendedTo != null ? extendedTo : replyDueOn;
        }

        /** The key that makes a clearance's open case unique. */
        public static String openKey(String officerId, String unit) {
            return officerId + " " + unit;
        }

        /** A copy to change: the case after a step. */
        public Change change() {
            return new Change(this);
        }
    }

    /** The case after a step: what changes, set on a copy of the row. */
    final class Change {
        private final CaseRow c;
        private AdverseStage stage;
        private AdverseResult result;
        private String languages;
        private String noticeIssuedBy;
        private Instant noticeIssuedAt;
        private LocalDate replyDueOn;
        private LocalDate extendedTo;
        private String reconsideredBy;
        private Instant finalAt;
        private LocalDate appealDueOn;
        private Instant closedAt;
        private String openKey;

        private Change(CaseRow c) {
            this.c = c;
            stage = c.stage();
            result = c.result();
            languages = c.languages();
            noticeIssuedBy = c.noticeIssuedBy();
            noticeIssuedAt = c.noticeIssuedAt();
            replyDueOn = c.replyDueOn();
            extendedTo = c.extendedTo();
            reconsideredBy = c.reconsideredBy();
            finalAt = c.finalAt();
            appealDueOn = c.appealDueOn();
            closedAt = c.closedAt();
            openKey = c.openKey();
        }

        public Change stage(AdverseStage stage, AdverseResult result) {
            this.stage = stage;
            this.result = result;
            return this;
        }

        public Change notice(String languages, String by, Instant at, LocalDate replyDueOn) {
            this.languages = languages;
            this.noticeIssuedBy = by;
            this.noticeIssuedAt = at;
            this.replyDueOn = replyDueOn;
            return this;
        }

        public Change extendedTo(LocalDate day) {
            this.extendedTo = day;
            return this;
        }

        public Change reconsidered(String by) {
            this.reconsideredBy = by;
            return this;
        }

        public Change decided(Instant at, LocalDate appealDueOn) {
            this.finalAt = at;
            this.appealDueOn = appealDueOn;
            return this;
        }

        /** Ended: CLOSED with its result, no longer the clearance's open case. */
        public Change closed(AdverseResult result, Instant at) {
            this.stage = AdverseStage.CLOSED;
            this.result = result;
            this.closedAt = at;
            this.openKey = null;
            return this;
        }

        /** The row, updated at {@code at}. */
        public CaseRow at(Instant at) {
            return new CaseRow(c.caseId(), c.officerId(), c.unit(), c.kind(), stage, result, c.evaluationId(),
                    c.openedBy(), c.openedCause(), c.openedAt(), c.replyDays(), c.extensionDays(), c.appealDays(),
                    languages, noticeIssuedBy, noticeIssuedAt, replyDueOn, extendedTo, reconsideredBy, finalAt,
                    appealDueOn, closedAt, at, openKey);
        }
    }

    /** One step of a case: who, when, the text (reasons, a reply, an appeal), a decision, days. */
    record StepRow(String stepId, String caseId, AdverseStep step, String actor, Instant at, String text,
                   String decision, Integer days, String evaluationId) {}

    /** A letter's description (without its PDF). */
    record LetterRow(String letterId, String caseId, LetterKind kind, String language, String sha256,
                     Instant createdAt, String stepId) {}

    String COLUMNS = """
            case_id, officer_id, unit, kind, stage, result, evaluation_id, opened_by, opened_cause, opened_at, \
            reply_days, extension_days, appeal_days, languages, notice_issued_by, notice_issued_at, reply_due_on, \
            extended_to, reconsidered_by, final_at, appeal_due_on, closed_at, updated_at, open_key""";

    @SqlUpdate("INSERT INTO adverse_cases (" + COLUMNS + """
            ) VALUES (:caseId, :officerId, :unit, :kind, :stage, :result, :evaluationId, :openedBy, :openedCause,
                      :openedAt, :replyDays, :extensionDays, :appealDays, :languages, :noticeIssuedBy, :noticeIssuedAt,
                      :replyDueOn, :extendedTo, :reconsideredBy, :finalAt, :appealDueOn, :closedAt, :updatedAt,
                      :openKey)""")
    void insert(@BindMethods CaseRow row);

    @SqlUpdate("""
            UPDATE adverse_cases SET stage = :stage, result = :result, languages = :languages,
                   notice_issued_by = :noticeIssuedBy, notice_issued_at = :noticeIssuedAt, reply_due_on = :replyDueOn,
                   extended_to = :extendedTo, reconsidered_by = :reconsideredBy, final_at = :finalAt,
                   appeal_due_on = :appealDueOn, closed_at = :closedAt, updated_at = :updatedAt, open_key = :openKey
             WHERE case_id = :caseId""")
    int update(@BindMethods CaseRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM adverse_cases WHERE case_id = :caseId")
    @RegisterConstructorMapper(CaseRow.class)
    Optional<CaseRow> find(@Bind("caseId") String caseId);

    @SqlQuery("SELECT " + COLUMNS + " FROM adverse_cases WHERE case_id = :caseId FOR UPDATE")
    @RegisterConstructorMapper(CaseRow.class)
    Optional<CaseRow> lock(@Bind("caseId") String caseId);

    /** The open case of an officer's clearance for a unit. */
    @SqlQuery("SELECT " + COLUMNS + " FROM adverse_cases WHERE open_key = :openKey")
    @RegisterConstructorMapper(CaseRow.class)
    Optional<CaseRow> open(@Bind("openKey") String openKey);

    /** Every case of an officer's clearance for a unit, oldest first (who took part in earlier ones). */
    @SqlQuery("SELECT " + COLUMNS + " FROM adverse_cases WHERE officer_id = :officerId AND unit = :unit ORDER BY case_id")
    @RegisterConstructorMapper(CaseRow.class)
    List<CaseRow> ofClearance(@Bind("officerId") String officerId, @Bind("unit") String unit);

    /** The case each of these evaluations opened, for those that opened one. */
    record Opened(String evaluationId, String caseId, AdverseStage stage) {}

    @SqlQuery("SELECT evaluation_id, case_id, stage FROM adverse_cases WHERE evaluation_id IN (<ids>)")
    @RegisterConstructorMapper(Opened.class)
    List<Opened> openedByAny(@BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING)
                             Collection<String> ids);

    /** The case an evaluation opened, if it opened one. */
    @SqlQuery("SELECT " + COLUMNS + " FROM adverse_cases WHERE evaluation_id = :evaluationId")
    @RegisterConstructorMapper(CaseRow.class)
    Optional<CaseRow> openedBy(@Bind("evaluationId") String evaluationId);

    /**
     * A page of cases in id (opening) order after {@code after}: of a stage, or every one; {@code
     * dueBy}: only those whose reply or appeal window closes on or before that day; {@code scoped}:
     * of officers of these countries only.
     */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM adverse_cases
            WHERE case_id > :after
              AND (CAST(:stage AS VARCHAR(20)) IS NULL OR stage = :stage)
              AND (CAST(:dueBy AS DATE) IS NULL
                   OR (stage = 'NOTICE_ISSUED' AND COALESCE(extended_to, reply_due_on) <= :dueBy)
                   OR (stage = 'FINAL' AND appeal_due_on <= :dueBy))
              AND (:scoped = FALSE OR officer_id IN (SELECT officer_id FROM officers WHERE country IN (<countries>)))
            ORDER BY case_id
            LIMIT :limit""")
    @RegisterConstructorMapper(CaseRow.class)
    List<CaseRow> page(@Bind("stage") AdverseStage stage, @Bind("dueBy") LocalDate dueBy, @Bind("after") String after,
                       @Bind("scoped") boolean scoped,
                       @BindList(value = "countries", onEmpty = BindList.EmptyHandling.NULL_STRING)
                       Collection<String> countries, @Bind("limit") int limit);

    /** Cases whose window closed before {@code today}: replies (to reconsideration) and appeals (to closing). */
    @SqlQuery("""
            SELECT case_id FROM adverse_cases
             WHERE (stage = 'NOTICE_ISSUED' AND COALESCE(extended_to, reply_due_on) < :today)
                OR (stage = 'FINAL' AND appeal_due_on < :today)
             ORDER BY case_id""")
    List<String> windowsClosed(@Bind("today") LocalDate today);

    @SqlQuery("SELECT stage AS label_a, '' AS label_b, COUNT(*) AS n FROM adverse_cases GROUP BY stage")
    @RegisterConstructorMapper(MetricsDao.Count.class)
    List<MetricsDao.Count> byStage();

    @SqlUpdate("""
            INSERT INTO adverse_steps (step_id, case_id, step, actor, at, text, decision, days, evaluation_id)
            VALUES (:stepId, :caseId, :step, :actor, :at, :text, :decision, :days, :evaluationId)""")
    void insertStep(@BindMethods StepRow row);

    @SqlQuery("""
            SELECT step_id, case_id, step, actor, at, text, decision, days, evaluation_id FROM adverse_steps
             WHERE case_id = :caseId ORDER BY at, step_id""")
    @RegisterConstructorMapper(StepRow.class)
    List<StepRow> steps(@Bind("caseId") String caseId);

    @SqlUpdate("""
            INSERT INTO adverse_letters (letter_id, case_id, kind, language, sha256, created_at, step_id, text, pdf)
            VALUES (:l.letterId, :l.caseId, :l.kind, :l.language, :l.sha256, :l.createdAt, :l.stepId, :text, :pdf)""")
    void insertLetter(@BindMethods("l") LetterRow letter, @Bind("text") String text, @Bind("pdf") String pdfBase64);

    @SqlQuery("""
            SELECT letter_id, case_id, kind, language, sha256, created_at, step_id FROM adverse_letters
             WHERE case_id = :caseId ORDER BY created_at, letter_id""")
    @RegisterConstructorMapper(LetterRow.class)
    List<LetterRow> letters(@Bind("caseId") String caseId);

    @SqlQuery("SELECT text FROM adverse_letters WHERE letter_id = :letterId AND case_id = :caseId")
    Optional<String> letterText(@Bind("caseId") String caseId, @Bind("letterId") String letterId);

    @SqlQuery("SELECT pdf FROM adverse_letters WHERE letter_id = :letterId AND case_id = :caseId")
    Optional<String> letterPdf(@Bind("caseId") String caseId, @Bind("letterId") String letterId);

    /** An open case as the start pages count it: its stage, windows, opening and whether a reply is in. */
    record OpenCase(AdverseStage stage, LocalDate replyDueOn, LocalDate extendedTo, LocalDate appealDueOn,
                    Instant openedAt, int replies) {}

    /** The open cases of officers of these countries ({@code scoped}), for the start pages. */
    @SqlQuery("""
            SELECT c.stage, c.reply_due_on, c.extended_to, c.appeal_due_on, c.opened_at,
                   (SELECT COUNT(*) FROM adverse_steps s WHERE s.case_id = c.case_id AND s.step = 'REPLY') AS replies
              FROM adverse_cases c
             WHERE c.stage <> 'CLOSED'
               AND (:scoped = FALSE OR c.officer_id IN (SELECT officer_id FROM officers WHERE country IN (<countries>)))""")
    @RegisterConstructorMapper(OpenCase.class)
    List<OpenCase> openCases(@Bind("scoped") boolean scoped,
                             @BindList(value = "countries", onEmpty = BindList.EmptyHandling.NULL_STRING)
                             Collection<String> countries);
}
