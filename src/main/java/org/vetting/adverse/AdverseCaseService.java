package org.vetting.adverse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.access.OfficerAccess;
import org.vetting.api.AdverseCaseView;
import org.vetting.api.AdverseRequest;
import org.vetting.api.AdverseResult;
import org.vetting.api.AdverseStage;
import org.vetting.api.AdverseStep;
import org.vetting.api.ClearanceCause;
import org.vetting.api.FieldError;
import org.vetting.api.LetterKind;
import org.vetting.api.LetterView;
import org.vetting.api.ListPage;
import org.vetting.api.OfficerRecord;
import org.vetting.auth.User;
import org.vetting.chain.AuditChain;
import org.vetting.clearance.AdverseCases;
import org.vetting.clearance.ClearanceState;
import org.vetting.clearance.ClearanceStatus;
import org.vetting.clearance.Clearances;
import org.vetting.clearance.Transitions;
import org.vetting.common.Actors;
import org.vetting.common.Ids;
import org.vetting.common.Language;
import org.vetting.common.ServiceTime;
import org.vetting.db.AdverseCaseDao;
import org.vetting.db.AdverseCaseDao.CaseRow;
import org.vetting.db.AdverseCaseDao.LetterRow;
import org.vetting.db.AdverseCaseDao.StepRow;
import org.vetting.db.ClearanceDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.errors.Conflict;
import org.vetting.errors.NotFound;
import org.vetting.errors.SeparationOfDuties;
import org.vetting.errors.ValidationFailed;
import org.vetting.evaluation.Evaluation;
import org.vetting.evaluation.EvaluationReads;
import org.vetting.evaluation.Reevaluations;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.rules.AdjudicationPath;
import org.vetting.rules.Outcome;
import org.vetting.rules.Unit;

/**
 * Adverse cases (policy v1.3, section 9; docs/api.md "Adverse cases"): the notice, replies, the one
 * extension, the reconsideration by a second adjudicator, the appeal and the board's votes, and the
 * clock that moves a case whose window closed. Each step locks the clearance row, then the case,
 * checks the stage, the window and who may act, and writes the step, its letters, any clearance
 * change and their audit entries in one transaction.
 *
 * <p>Who takes part: whoever opened the case (the submitter of the evaluation, or the adjudicator
 * whose DENY proposed it), issued its notice, extended it, reconsidered it or recorded a reply or an
 * appeal, and the submitter of the evaluation it rests on. Nobody acts on their own file. The
 * reconsideration is by an adjudicator who neither issued the notice nor proposed the denial; a
 * board member took no part in this case or in an earlier one of the same clearance; a new case
 * after a reversal is handled by people who took part in none of the earlier ones.
 */
public final class AdverseCaseService {
    private static final Logger LOG = LoggerFactory.getLogger(AdverseCaseService.class);
    private static final int MAX_TEXT = 20_000;
    private static final int MAX_REASONS = 10_000;
    /** The longest look-ahead of {@code due}: a year. */
    private static final int MAX_DUE_DAYS = 366;

    private final Jdbi jdbi;
    private final ActiveRuleSet rules;
    private final EvaluationReads evaluations;
    private final Reevaluations reevaluations;
    private final OfficerAccess access;
    private final ServiceTime time;

    public AdverseCaseService(Jdbi jdbi, ActiveRuleSet rules, EvaluationReads evaluations, Reevaluations reevaluations,
                              OfficerAccess access, ServiceTime time) {
        this.jdbi = jdbi;
        this.rules = rules;
        this.evaluations = evaluations;
        this.reevaluations = reevaluations;
        this.access = access;
        this.time = time;
    }

    // ---- reads

    /**
     * A page of cases of the reader's countries, in opening order: of one {@code stage}, and with
     * {@code due} (days) only those whose reply or appeal window closes within that many days.
     */
    public ListPage<AdverseCaseView.Item> page(User reader, String stage, String due, String after, int limit) {
        AdverseStage wanted = stage == null ? null : ValidationFailed.oneOf(AdverseStage.class, "stage", stage);
        LocalDate dueBy = null;
        if (due != null) {
            try {
                int days = Integer.parseInt(due);
                if (days < 0 || days > MAX_DUE_DAYS) {
                    throw new NumberFormatException();
                }
                dueBy = time.today().plusDays(days);
            } catch (NumberFormatException e) {
                throw ValidationFailed.of("due", "a number of days from 0 to " + MAX_DUE_DAYS);
            }
        }
        LocalDate by = dueBy;
        List<CaseRow> rows = jdbi.withExtension(AdverseCaseDao.class, dao -> dao.page(wanted, by,
                after == null ? "" : after, reader.countryScoped(), reader.countries(), limit + 1));
        ListPage<CaseRow> page = ListPage.of(rows, limit, CaseRow::caseId);
        Map<String, String> names = access.names(page.items().stream().map(CaseRow::officerId).collect(Collectors.toSet()));
        LocalDate today = time.today();
        return page.map(c -> {
            LocalDate dueOn = dueOn(c);
            return new AdverseCaseView.Item(c.caseId(), c.officerId(), blankToNull(names.get(c.officerId())), c.unit(),
                    c.kind(), c.stage(), c.result(), c.openedAt(), dueOn,
                    dueOn == null ? null : ChronoUnit.DAYS.between(today, dueOn));
        });
    }

    /** One case, of the reader's countries ({@code named}: the officer, for the access log). */
    public AdverseCaseView get(String caseId, User reader, Consumer<String> named) {
        CaseRow c = readable(caseId, reader, named);
        return jdbi.withHandle(h -> view(h, c));
    }

    /** A letter's text and hash, regenerated from the chain to show it is the letter on file. */
    public LetterView letter(String caseId, String letterId, User reader, Consumer<String> named) {
        CaseRow c = readable(caseId, reader, named);
        return jdbi.withHandle(h -> {
            AdverseCaseDao dao = h.attach(AdverseCaseDao.class);
            LetterRow row = dao.letters(caseId).stream().filter(l -> l.letterId().equals(letterId)).findFirst()
                    .orElseThrow(() -> new NotFound("no letter " + letterId + " in case " + caseId));
            String text = dao.letterText(caseId, letterId).orElseThrow();
            boolean reproduced = reproduce(h, c, row).sha256().equals(row.sha256());
            return new LetterView(row.letterId(), caseId, row.kind(), row.language(), row.sha256(), row.createdAt(), text,
                    reproduced);
        });
    }

    /** A letter's PDF as sent. */
    public byte[] letterPdf(String caseId, String letterId, User reader, Consumer<String> named) {
        readable(caseId, reader, named);
        String pdf = jdbi.withExtension(AdverseCaseDao.class, dao -> dao.letterPdf(caseId, letterId))
                .orElseThrow(() -> new NotFound("no letter " + letterId + " in case " + caseId));
        return Base64.getDecoder().decode(pdf);
    }

    /** The letter regenerated from what the chain holds: its step, the evaluation and record version it rests on. */
    private Letters.Letter reproduce(Handle h, CaseRow c, LetterRow row) {
        StepRow step = h.attach(AdverseCaseDao.class).steps(c.caseId()).stream()
                .filter(s -> s.stepId().equals(row.stepId())).findFirst().orElseThrow();
        Evaluation e = evaluations.find(step.evaluationId()).orElseThrow();
        return Letters.write(new Letters.Input(row.kind(), Language.valueOf(row.language()), c, step, e, record(h, e),
                time.zone()));
    }

    private CaseRow readable(String caseId, User reader, Consumer<String> named) {
        CaseRow c = jdbi.withExtension(AdverseCaseDao.class, dao -> dao.find(caseId))
                .orElseThrow(() -> notFound(caseId));
        named.accept(c.officerId());
        access.check(reader, c.officerId(), () -> notFound(caseId));
        return c;
    }

    private static NotFound notFound(String caseId) {
        return new NotFound("no adverse case " + caseId);
    }

    // ---- steps

    /** The statement of reasons: NOTICE_ISSUED, the reply window opens, the letters are written. */
    public AdverseCaseView notice(String caseId, AdverseRequest body, User adjudicator, Consumer<String> named) {
        AdverseRequest r = body(body);
        String reasons = reasons(r);
        List<Language> languages = languages(r);
        return step(caseId, adjudicator, named, (h, c, clearance, audit) -> {
            stage(c, AdverseStage.PROPOSED, "a notice is issued on a PROPOSED case");
            Evaluation e = evaluations.find(c.evaluationId()).orElseThrow();
            if (adjudicator.username().equals(e.evaluatedBy())) {
                throw new SeparationOfDuties("you submitted the evaluation this case rests on");
            }
            notInEarlierCases(h, c, adjudicator, "issue its notice");
            Instant now = time.now();
            OfficerRecord record = record(h, e);
            List<Language> letters = languages.isEmpty() ? List.of(language(record)) : languages;
            CaseRow next = c.change().stage(AdverseStage.NOTICE_ISSUED, null)
                    .notice(letters.stream().map(Enum::name).collect(Collectors.joining(",")), adjudicator.username(),
                            now, clocks(c).replyDueOn(time.today())).at(now);
            StepRow step = step(c, AdverseStep.NOTICE, adjudicator, now, reasons, null, null, e.id());
            return write(h, next, step, letters(LetterKind.NOTICE, letters, next, step, e, record), audit);
        });
    }

    /** The officer's reply, recorded by a vetting officer within the window. */
    public AdverseCaseView reply(String caseId, AdverseRequest body, User officer, Consumer<String> named) {
        AdverseRequest r = body(body);
        String text = text(r);
        return step(caseId, officer, named, (h, c, clearance, audit) -> {
            stage(c, AdverseStage.NOTICE_ISSUED, "a reply is recorded while the reply window runs");
            if (time.today().isAfter(c.replyWindowEnds())) {
                throw new Conflict("the reply window closed on " + c.replyWindowEnds());
            }
            Instant now = time.now();
            return write(h, c.change().at(now), step(c, AdverseStep.REPLY, officer, now, text, null, null, null),
                    List.of(), audit);
        });
    }

    /** The one extension of the reply window, by an adjudicator, with reasons, while it runs. */
    public AdverseCaseView extension(String caseId, AdverseRequest body, User adjudicator, Consumer<String> named) {
        AdverseRequest r = body(body);
        String reasons = reasons(r);
        if (r.days() == null) {
            throw ValidationFailed.of("days", "required: the days to add to the reply window");
        }
        return step(caseId, adjudicator, named, (h, c, clearance, audit) -> {
            stage(c, AdverseStage.NOTICE_ISSUED, "an extension is granted while the reply window runs");
            if (c.extendedTo() != null) {
                throw new Conflict("the reply window was already extended, to " + c.extendedTo()
                        + ": an extension is granted once");
            }
            if (time.today().isAfter(c.replyDueOn())) {
                throw new Conflict("the reply window closed on " + c.replyDueOn());
            }
            if (r.days() < 1 || r.days() > c.extensionDays()) {
                throw ValidationFailed.of("days", "from 1 to " + c.extensionDays() + " (extensionDays of the rules)");
            }
            Instant now = time.now();
            CaseRow next = c.change().extendedTo(c.replyDueOn().plusDays(r.days())).at(now);
            return write(h, next, step(c, AdverseStep.EXTENSION, adjudicator, now, reasons, null, r.days(), null),
                    List.of(), audit);
        });
    }

    /**
     * The reconsideration by a second adjudicator on the file as it now stands: UPHOLD (DENIED or
     * REVOKED, the final letter, the appeal window) or WITHDRAW (the clearance takes what the
     * evaluation gives; refused while it is INELIGIBLE).
     */
    public AdverseCaseView reconsider(String caseId, AdverseRequest body, User adjudicator, Consumer<String> named) {
        AdverseRequest r = body(body);
        String reasons = reasons(r);
        boolean uphold = decision(r.decision(), "decision", "UPHOLD", "WITHDRAW");
        return step(caseId, adjudicator, named, (h, c, clearance, audit) -> {
            if (c.stage() != AdverseStage.NOTICE_ISSUED && c.stage() != AdverseStage.RECONSIDERATION) {
                throw new Conflict("case " + c.caseId() + " is " + c.stage() + ": only a case whose notice was issued is"
                        + " reconsidered");
            }
            if (adjudicator.username().equals(c.noticeIssuedBy())) {
                throw new SeparationOfDuties("you issued this case's notice: a second adjudicator reconsiders it");
            }
            if (c.openedCause() == ClearanceCause.ADJUDICATION && adjudicator.username().equals(c.openedBy())) {
                throw new SeparationOfDuties("your DENY proposed this case: a second adjudicator reconsiders it");
            }
            notInEarlierCases(h, c, adjudicator, "reconsider it");
            List<StepRow> steps = h.attach(AdverseCaseDao.class).steps(c.caseId());
            boolean replied = steps.stream().anyMatch(s -> s.step() == AdverseStep.REPLY);
            if (c.stage() == AdverseStage.NOTICE_ISSUED && !replied && !time.today().isAfter(c.replyWindowEnds())) {
                throw new Conflict("the reply window runs until " + c.replyWindowEnds()
                        + " and no reply is in: reconsideration waits for either");
            }
            adjudicator.requireRecentSecondFactor();
            Unit unit = unit(c);
            Instant now = time.now();
            Evaluation e = reevaluations.evaluateForCase(h, new Reevaluations.Why(rules.ruleSet(),
                    ClearanceCause.ADVERSE_DECISION, adjudicator.username(), time.today()), c.officerId(), c.unit());
            ClearanceStatus held = ClearanceStatus.valueOf(clearance.status());
            StepRow step = step(c, AdverseStep.RECONSIDERATION, adjudicator, now, reasons, r.decision(), null, e.id());
            if (uphold) {
                boolean rulesDeny = e.outcome() == Outcome.INELIGIBLE;
                boolean stillAdjudicable = c.openedCause() == ClearanceCause.ADJUDICATION
                        && e.adjudication() != AdjudicationPath.NONE;
                if (!rulesDeny && !stillAdjudicable) {
                    throw new Conflict("the file as it now stands is " + e.outcome()
                            + ": nothing left to uphold (WITHDRAW the case)");
                }
                ClearanceState denied = Transitions.decided(held.upheld(), null, List.of(), unit, time.today());
                Clearances.change(h, new Clearances.Change(c.officerId(), c.unit(), denied, e.id(),
                        ClearanceCause.ADVERSE_DECISION, adjudicator.username(), now));
                CaseRow next = c.change().stage(AdverseStage.FINAL, AdverseResult.UPHELD)
                        .reconsidered(adjudicator.username()).decided(now, clocks(c).appealDueOn(time.today())).at(now);
                List<Language> languages = List.of(next.languages().split(",")).stream().map(Language::valueOf).toList();
                return write(h, next, step, letters(LetterKind.FINAL, languages, next, step, e, record(h, e)), audit);
            }
            if (e.outcome() == Outcome.INELIGIBLE) {
                throw new Conflict("the file as it now stands is still INELIGIBLE: a record that is wrong is corrected"
                        + " (a correction), not withdrawn");
            }
            ClearanceState after = Transitions.afterWithdrawal(c.kind(), new Transitions.Judged(e.outcome(), e.valid(),
                    e.conditions()), unit, time.today());
            Clearances.change(h, new Clearances.Change(c.officerId(), c.unit(), after, e.id(),
                    ClearanceCause.ADVERSE_DECISION, adjudicator.username(), now));
            CaseRow next = c.change().reconsidered(adjudicator.username()).closed(AdverseResult.WITHDRAWN, now).at(now);
            return write(h, next, step, List.of(), audit);
        });
    }

    /** The officer's appeal, recorded by a vetting officer within the appeal window. */
    public AdverseCaseView appeal(String caseId, AdverseRequest body, User officer, Consumer<String> named) {
        AdverseRequest r = body(body);
        String text = text(r);
        return step(caseId, officer, named, (h, c, clearance, audit) -> {
            stage(c, AdverseStage.FINAL, "an appeal is recorded against a FINAL decision");
            if (time.today().isAfter(c.appealDueOn())) {
                throw new Conflict("the appeal window closed on " + c.appealDueOn());
            }
            Instant now = time.now();
            return write(h, c.change().stage(AdverseStage.APPEALED, c.result()).at(now),
                    step(c, AdverseStep.APPEAL, officer, now, text, null, null, null), List.of(), audit);
        });
    }

    /**
     * A board member's vote; once two agree the case closes: REVERSE returns the clearance to
     * PENDING_ADJUDICATION on the file as it now stands, UPHOLD is final.
     */
    public AdverseCaseView vote(String caseId, AdverseRequest body, User member, Consumer<String> named) {
        AdverseRequest r = body(body);
        String reasons = reasons(r);
        boolean reverse = !decision(r.vote(), "vote", "UPHOLD", "REVERSE");
        return step(caseId, member, named, (h, c, clearance, audit) -> {
            stage(c, AdverseStage.APPEALED, "the board votes on an APPEALED case");
            List<StepRow> steps = h.attach(AdverseCaseDao.class).steps(c.caseId());
            List<StepRow> votes = steps.stream().filter(s -> s.step() == AdverseStep.VOTE).toList();
            if (votes.stream().anyMatch(v -> v.actor().equals(member.username()))) {
                throw new SeparationOfDuties("you have voted on this case already");
            }
            if (tookPart(h, c).contains(member.username())) {
                throw new SeparationOfDuties("you took part in this case (or an earlier one of the same clearance):"
                        + " a board member did not");
            }
            member.requireRecentSecondFactor();
            Instant now = time.now();
            long agreeing = votes.stream().filter(v -> v.decision().equals(r.vote())).count() + 1;
            if (agreeing < 2) {
                return write(h, c.change().at(now),
                        step(c, AdverseStep.VOTE, member, now, reasons, r.vote(), null, null), List.of(), audit);
            }
            if (!reverse) {
                return write(h, c.change().closed(AdverseResult.UPHELD, now).at(now),
                        step(c, AdverseStep.VOTE, member, now, reasons, r.vote(), null, null), List.of(), audit);
            }
            Evaluation e = reevaluations.evaluateForCase(h, new Reevaluations.Why(rules.ruleSet(),
                    ClearanceCause.ADVERSE_DECISION, member.username(), time.today()), c.officerId(), c.unit());
            ClearanceState pending = Transitions.decided(ClearanceStatus.PENDING_ADJUDICATION, null, List.of(), unit(c),
                    time.today());
            Clearances.change(h, new Clearances.Change(c.officerId(), c.unit(), pending, e.id(),
                    ClearanceCause.ADVERSE_DECISION, member.username(), now));
            return write(h, c.change().closed(AdverseResult.REVERSED, now).at(now),
                    step(c, AdverseStep.VOTE, member, now, reasons, r.vote(), null, e.id()), List.of(), audit);
        });
    }

    // ---- the clock

    /**
     * Moves every case whose window closed before today: a reply window to RECONSIDERATION (a lapse
     * decides nothing), an appeal window to CLOSED (the upheld decision stands). One transaction per
     * case, the row locked and checked again: instances running it at once move each case once, and
     * a run stopped halfway resumes at the next.
     */
    public int advance() {
        LocalDate today = time.today();
        List<String> due = jdbi.withExtension(AdverseCaseDao.class, dao -> dao.windowsClosed(today));
        int moved = 0;
        for (String caseId : due) {
            boolean done = jdbi.inTransaction(h -> {
                CaseRow found = h.attach(AdverseCaseDao.class).find(caseId).orElseThrow();
                h.attach(ClearanceDao.class).lock(found.officerId(), found.unit());
                CaseRow c = h.attach(AdverseCaseDao.class).lock(caseId).orElseThrow();
                Instant now = time.now();
                List<AuditChain.Pending> audit = new ArrayList<>();
                if (c.stage() == AdverseStage.NOTICE_ISSUED && today.isAfter(c.replyWindowEnds())) {
                    write(h, c.change().stage(AdverseStage.RECONSIDERATION, null).at(now), new StepRow(Ids.next(), caseId,
                            AdverseStep.WINDOW_CLOSED, Actors.ADVERSE_CLOCK, now, null, null, null, null), List.of(),
                            audit);
                } else if (c.stage() == AdverseStage.FINAL && today.isAfter(c.appealDueOn())) {
                    write(h, c.change().closed(AdverseResult.UPHELD, now).at(now), new StepRow(Ids.next(), caseId,
                            AdverseStep.APPEAL_LAPSED, Actors.ADVERSE_CLOCK, now, null, null, null, null), List.of(),
                            audit);
                } else {
                    return false;
                }
                AuditChain.appendAll(h, audit);
                return true;
            });
            if (done) {
                moved++;
            }
        }
        if (moved > 0) {
            LOG.info("moved {} adverse case(s) whose window closed before {}", moved, today);
        }
        return moved;
    }

    // ---- the machinery of a step

    @FunctionalInterface
    private interface Action {
        /**
         * The step on the locked case and clearance; returns the case after it (its audit entries added
         * to {@code audit}).
         */
        CaseRow apply(Handle h, CaseRow c, ClearanceDao.ClearanceRow clearance, List<AuditChain.Pending> audit);
    }

    private AdverseCaseView step(String caseId, User user, Consumer<String> named, Action action) {
        CaseRow found = readable(caseId, user, named);
        return jdbi.inTransaction(h -> {
            // the lock order of every decision: the clearance row, then the case, then the audit head
            ClearanceDao.ClearanceRow clearance = h.attach(ClearanceDao.class).lock(found.officerId(), found.unit())
                    .orElseThrow();
            CaseRow c = h.attach(AdverseCaseDao.class).lock(caseId).orElseThrow();
            if (c.stage() == AdverseStage.CLOSED) {
                throw new Conflict("case " + caseId + " is CLOSED (" + c.result() + "): nothing more is done on it");
            }
            List<AuditChain.Pending> audit = new ArrayList<>();
            CaseRow after = action.apply(h, c, clearance, audit);
            AuditChain.appendAll(h, audit);
            return view(h, after);
        });
    }

    /** A letter written, to be stored with its step. */
    private record Written(LetterRow row, String text, String pdfBase64) {}

    /** Writes the case after a step, the step and its letters, and adds the step's audit entry. */
    private CaseRow write(Handle h, CaseRow next, StepRow step, List<Written> letters, List<AuditChain.Pending> audit) {
        AdverseCaseDao dao = h.attach(AdverseCaseDao.class);
        dao.update(next);
        dao.insertStep(step);
        letters.forEach(l -> dao.insertLetter(l.row(), l.text(), l.pdfBase64()));
        audit.add(AdverseCases.audit(next, step, letters.stream().map(Written::row).toList()));
        return next;
    }

    /** A letter per language, each with its text, PDF and SHA-256. */
    private List<Written> letters(LetterKind kind, List<Language> languages, CaseRow c, StepRow step,
                                         Evaluation e, OfficerRecord record) {
        List<Written> written = new ArrayList<>();
        for (Language language : languages) {
            Letters.Letter letter = Letters.write(new Letters.Input(kind, language, c, step, e, record, time.zone()));
            written.add(new Written(new LetterRow(Ids.next(), c.caseId(), kind, language.name(), letter.sha256(),
                    step.at(), step.stepId()), letter.text(), Base64.getEncoder().encodeToString(letter.pdf())));
        }
        return written;
    }

    private static StepRow step(CaseRow c, AdverseStep step, User user, Instant at, String text, String decision,
                                Integer days, String evaluationId) {
        return new StepRow(Ids.next(), c.caseId(), step, user.username(), at, text, decision, days, evaluationId);
    }

    private static void stage(CaseRow c, AdverseStage expected, String rule) {
        if (c.stage() != expected) {
            throw new Conflict("case " + c.caseId() + " is " + c.stage() + ": " + rule);
        }
    }

    /** Refuses someone who took part in an earlier case of the same clearance (a new case after a reversal). */
    private void notInEarlierCases(Handle h, CaseRow c, User user, String what) {
        for (CaseRow earlier : h.attach(AdverseCaseDao.class).ofClearance(c.officerId(), c.unit())) {
            if (!earlier.caseId().equals(c.caseId()) && participants(h, earlier).contains(user.username())) {
                throw new SeparationOfDuties("you took part in an earlier case of this clearance (" + earlier.caseId()
                        + "): someone who did not must " + what);
            }
        }
    }

    /** Everyone who took part in this case or an earlier one of the same clearance. */
    private Set<String> tookPart(Handle h, CaseRow c) {
        Set<String> all = new LinkedHashSet<>();
        for (CaseRow any : h.attach(AdverseCaseDao.class).ofClearance(c.officerId(), c.unit())) {
            all.addAll(participants(h, any));
        }
        return all;
    }

    private Set<String> participants(Handle h, CaseRow c) {
        Set<String> people = new LinkedHashSet<>();
        people.add(c.openedBy());
        evaluations.find(c.evaluationId()).ifPresent(e -> people.add(e.evaluatedBy()));
        for (StepRow s : h.attach(AdverseCaseDao.class).steps(c.caseId())) {
            if (s.step() != AdverseStep.VOTE && !s.actor().equals(Actors.ADVERSE_CLOCK)) {
                people.add(s.actor());
            }
        }
        return people;
    }

    private Unit unit(CaseRow c) {
        return rules.ruleSet().unit(c.unit()).orElseThrow(() -> new Conflict("unit " + c.unit()
                + " is no longer in the rule set"));
    }

    private static org.vetting.rules.AdverseClocks clocks(CaseRow c) {
        return new org.vetting.rules.AdverseClocks(c.replyDays(), c.extensionDays(), c.appealDays());
    }

    private static OfficerRecord record(Handle h, Evaluation e) {
        return h.attach(OfficerRecordDao.class).record(e.officerId(), e.recordVersion()).orElseThrow();
    }

    /** The officer's language: Spanish for an officer of Mexico, English otherwise (US). */
    static Language language(OfficerRecord record) {
        return "MX".equals(record.country()) ? Language.ES : Language.EN;
    }

    /** An absent body is an empty one: each step then names the field it misses. */
    private static AdverseRequest body(AdverseRequest r) {
        return r != null ? r : new AdverseRequest(null, null, null, null, null, null);
    }

    private static String reasons(AdverseRequest r) {
        return required(r == null ? null : r.reasons(), "reasons", MAX_REASONS, "the written reasons");
    }

    private static String text(AdverseRequest r) {
        return required(r == null ? null : r.text(), "text", MAX_TEXT, "the officer's text");
    }

    private static String required(String value, String field, int max, String what) {
        if (value == null || value.isBlank()) {
            throw ValidationFailed.of(field, "required: " + what);
        }
        if (value.length() > max) {
            throw ValidationFailed.of(field, "at most " + max + " characters");
        }
        return value.strip();
    }

    private static boolean decision(String value, String field, String first, String second) {
        if (first.equals(value)) {
            return true;
        }
        if (second.equals(value)) {
            return false;
        }
        throw ValidationFailed.of(field, "required: " + first + " or " + second);
    }

    private static List<Language> languages(AdverseRequest r) {
        List<FieldError> errors = new ArrayList<>();
        List<Language> languages = new ArrayList<>();
        List<String> asked = r == null ? List.of() : r.languages();
        for (int i = 0; i < asked.size(); i++) {
            String l = asked.get(i);
            if (l == null || !(l.equals("EN") || l.equals("ES"))) {
                errors.add(new FieldError("languages[" + i + "]", "a letter is written in EN or ES"));
            } else if (!languages.contains(Language.valueOf(l))) {
                languages.add(Language.valueOf(l));
            }
        }
        ValidationFailed.check(errors);
        return languages;
    }

    /**
     * The last day of the window now running — the reply window, the appeal window — or, waiting for
     * reconsideration, the day the reply window closed (so the queue shows how long it has waited).
     */
    private static LocalDate dueOn(CaseRow c) {
        return switch (c.stage()) {
            case NOTICE_ISSUED, RECONSIDERATION -> c.replyWindowEnds();
            case FINAL -> c.appealDueOn();
            default -> null;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private AdverseCaseView view(Handle h, CaseRow c) {
        AdverseCaseDao dao = h.attach(AdverseCaseDao.class);
        List<StepRow> steps = dao.steps(c.caseId());
        String name = blankToNull(access.names(Set.of(c.officerId())).get(c.officerId()));
        List<AdverseCaseView.Statement> replies = steps.stream().filter(s -> s.step() == AdverseStep.REPLY)
                .map(s -> new AdverseCaseView.Statement(s.text(), s.actor(), s.at())).toList();
        AdverseCaseView.Statement appeal = steps.stream().filter(s -> s.step() == AdverseStep.APPEAL)
                .map(s -> new AdverseCaseView.Statement(s.text(), s.actor(), s.at())).findFirst().orElse(null);
        List<AdverseCaseView.Vote> votes = steps.stream().filter(s -> s.step() == AdverseStep.VOTE)
                .map(s -> new AdverseCaseView.Vote(s.actor(), s.decision(), s.text(), s.at())).toList();
        List<AdverseCaseView.Letter> letters = dao.letters(c.caseId()).stream()
                .map(l -> new AdverseCaseView.Letter(l.letterId(), l.kind(), l.language(), l.sha256(), l.createdAt()))
                .toList();
        List<AdverseCaseView.Step> history = steps.stream().map(s -> new AdverseCaseView.Step(s.step(), s.actor(), s.at(),
                s.text(), s.decision(), s.days(), s.evaluationId())).toList();
        LocalDate dueOn = dueOn(c);
        return new AdverseCaseView(c.caseId(), c.officerId(), name, c.unit(), c.kind(), c.stage(), c.result(),
                c.evaluationId(), c.openedBy(), c.openedAt(), c.noticeIssuedBy(), c.noticeIssuedAt(), c.replyDueOn(),
                c.extendedTo(), replies, c.reconsideredBy(), c.finalAt(), c.appealDueOn(), appeal, votes, letters, dueOn,
                dueOn == null ? null : ChronoUnit.DAYS.between(time.today(), dueOn), history);
    }
}
