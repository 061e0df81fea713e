package org.vetting.governance;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.api.ApprovalRequest;
import org.vetting.api.FieldError;
import org.vetting.api.ProposalStatus;
import org.vetting.api.RuleSetDiffView;
import org.vetting.api.RuleSetProposal;
import org.vetting.api.RuleSetVersionView;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.common.Sha256;
import org.vetting.db.ActivationDao;
import org.vetting.db.BacktestDao;
import org.vetting.db.PopulationDao;
import org.vetting.db.RuleSetDao;
import org.vetting.errors.Conflict;
import org.vetting.errors.NotFound;
import org.vetting.errors.SeparationOfDuties;
import org.vetting.errors.ValidationFailed;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.rules.RuleSet;
import org.vetting.rules.RuleSetException;
import org.vetting.rules.RuleSetLoader;
import org.vetting.scenarios.ScenarioResult;
import org.vetting.scenarios.Scenarios;

/**
 * Changing the policy (docs/api.md, "Changing the policy"): a proposal is compiled and its scenarios run at once;
 * a second policy officer approves it, with reasons, only while its scenarios pass and a backtest
 * of it against the active set finished within the last day; it takes effect at once or on its
 * {@code effectiveFrom} day, on every instance (they poll the database), and then everyone on file
 * is re-evaluated ({@link Reevaluation}). Every step is an audit entry.
 *
 * <p>Longer than most classes here (about 340 lines) on purpose: it is one state machine over one
 * locked row (DRAFT → APPROVED/REJECTED → ACTIVE → RETIRED), and each step reads what the others
 * wrote; split, the locking and the audit of one proposal would live in several places.
 */
public final class PolicyChanges {
    /** How fresh a backtest must be for an approval. */
    public static final Duration BACKTEST_VALID_FOR = Duration.ofHours(24);
    private static final int MAX_TEXT = 10_000;
    private static final int MAX_FILES = 200;
    private static final Logger LOG = LoggerFactory.getLogger(PolicyChanges.class);

    private final Jdbi jdbi;
    private final ActiveRuleSet active;
    private final ServiceTime time;
    private final Reevaluation reevaluation;

    public PolicyChanges(Jdbi jdbi, ActiveRuleSet active, ServiceTime time, Reevaluation reevaluation) {
        this.jdbi = jdbi;
        this.active = active;
        this.time = time;
        this.reevaluation = reevaluation;
    }

    /**
     * Stores a proposal as a DRAFT: refused (422, {@code file:line}) when it does not compile or a
     * scenario file cannot be read, refused (409) when the same files are stored already; scenarios
     * that fail are stored with it and block its approval.
     */
    public RuleSetVersionView propose(RuleSetProposal proposal, String proposer) {
        if (proposal == null) {
            throw ValidationFailed.of("(body)", "required: description and files");
        }
        String description = text("description", proposal.description(), 2000);
        if (proposal.files() == null || proposal.files().isEmpty()) {
            throw ValidationFailed.of("files", "required: every file of the set (NAME.drl, units.yml, scenarios/NAME.yml)");
        }
        if (proposal.files().size() > MAX_FILES) {
            throw ValidationFailed.of("files", "at most " + MAX_FILES + " files");
        }
        SortedMap<String, String> files = new TreeMap<>();
        proposal.files().forEach((name, content) -> {
            if (content == null) {
                throw ValidationFailed.of("files." + name, "required: the file's text");
            }
            files.put(name, content.replace("\r\n", "\n"));
        });
        String version = RuleSetLoader.version(files);
        jdbi.withExtension(RuleSetDao.class, dao -> dao.proposal(version)).ifPresent(p -> {
            throw new Conflict("rule set " + version + " is already stored (" + p.status() + ")");
        });
        RuleSet ruleSet = compile(files);
        List<ScenarioResult> results = Scenarios.runAll(ruleSet);
        RuleSetVersionView.ScenarioSummary summary = new RuleSetVersionView.ScenarioSummary(
                (int) results.stream().filter(ScenarioResult::passed).count(),
                (int) results.stream().filter(r -> !r.passed()).count(),
                results.stream().filter(r -> !r.passed()).map(ScenarioResult::line).toList());
        Instant now = time.now();
        try {
            jdbi.useTransaction(h -> {
                RuleSetDao.ProposalRow row = new RuleSetDao.ProposalRow(version, description, ProposalStatus.DRAFT, proposer, now,
                        Json.write(summary), null, null, null, null, null, null);
                h.attach(RuleSetDao.class).propose(row, Json.write(files));
                Map<String, Object> content = new LinkedHashMap<>();
                content.put("version", version);
                content.put("description", description);
                content.put("proposedBy", proposer);
                content.put("scenarios", summary);
                Map<String, String> hashes = new TreeMap<>();
                files.forEach((name, text) -> hashes.put(name, Sha256.hex(text)));
                content.put("files", hashes);
                AuditChain.append(h, new AuditChain.Pending(EntryType.RULESET_PROPOSAL, version, null, proposer, now, Json.write(content)));
            });
        } catch (RuntimeException race) {
            if (jdbi.withExtension(RuleSetDao.class, dao -> dao.proposal(version)).isPresent()) {
                throw new Conflict("rule set " + version + " is already stored");
            }
            throw race;
        }
        LOG.info("rule set {} proposed by {}: {} scenarios passed, {} failed", version, proposer, summary.passed(),
                summary.failed());
        return view(version);
    }

    /**
     * A proposal of a rules directory on disk (the reload call, the propose-rules command); when
     * the directory is a version already stored, that version as it stands.
     */
    public RuleSetVersionView proposeDirectory(Path dir, String description, String proposer) {
        SortedMap<String, String> files = RuleSetLoader.read(dir);
        String version = RuleSetLoader.version(files);
        if (jdbi.withExtension(RuleSetDao.class, dao -> dao.proposal(version)).isPresent()) {
            return view(version);
        }
        return propose(new RuleSetProposal(description, files), proposer);
    }

    private static RuleSet compile(SortedMap<String, String> files) {
        RuleSet ruleSet;
        try {
            ruleSet = RuleSetLoader.compile("", files);
        } catch (RuleSetException e) {
            throw errors(e.errors());
        }
        List<String> unreadable = Scenarios.errors(ruleSet);
        if (!unreadable.isEmpty()) {
            throw errors(unreadable);
        }
        return ruleSet;
    }

    /** Each error is "file:line: message"; the field of the answer is where it is. */
    private static ValidationFailed errors(List<String> messages) {
        return ValidationFailed.of(messages.stream()
                .map(m -> m.contains(": ") ? new FieldError(m.substring(0, m.indexOf(": ")), m.substring(m.indexOf(": ") + 2))
                        : new FieldError("files", m))
                .toList());
    }

    public List<RuleSetVersionView> list() {
        return jdbi.withExtension(RuleSetDao.class, RuleSetDao::proposals).stream()
                .map(p -> view(p, null, false)).toList();
    }

    /** The version without its files and rules. */
    public RuleSetVersionView view(String version) {
        return view(proposal(version), null, false);
    }

    /** The version with its rules, units and files. */
    public RuleSetVersionView detail(String version) {
        return view(proposal(version), active.byVersion(version), true);
    }

    public RuleSetDiffView diff(String version) {
        proposal(version);
        RuleSet current = active.ruleSet();
        return RuleSetDiff.between(current, active.byVersion(version));
    }

    private RuleSetDao.ProposalRow proposal(String version) {
        return proposal(jdbi, version);
    }

    /** A stored version, or NotFound (a malformed version is never looked up). */
    static RuleSetDao.ProposalRow proposal(Jdbi jdbi, String version) {
        if (version == null || !version.matches("[0-9a-f]{64}")) {
            throw new NotFound("no rule set " + version);
        }
        return jdbi.withExtension(RuleSetDao.class, dao -> dao.proposal(version))
                .orElseThrow(() -> new NotFound("no rule set " + version));
    }

    private RuleSetVersionView view(RuleSetDao.ProposalRow p, RuleSet ruleSet, boolean whole) {
        boolean approved = p.decidedBy() != null && p.status() != ProposalStatus.REJECTED;
        String backtest = jdbi.withExtension(BacktestDao.class, dao -> dao.latest(p.version()))
                .map(BacktestDao.BacktestRow::id).orElse(null);
        return new RuleSetVersionView(p.version(), p.status(), p.description(), p.proposedBy(), p.proposedAt(),
                Json.read(p.scenarios(), RuleSetVersionView.ScenarioSummary.class), approved ? p.decidedBy() : null,
                p.status() == ProposalStatus.REJECTED ? p.decidedBy() : null, p.decidedAt(), p.decisionReasons(),
                p.effectiveFrom(), p.activatedAt(), p.retiredAt(), backtest,
                jdbi.withExtension(ActivationDao.class, dao -> dao.find(p.version()))
                        .map(a -> new RuleSetVersionView.Reevaluation(a.done(), a.total(), a.changed(), a.finishedAt()))
                        .orElse(null),
                whole ? ActiveRuleSet.ruleViews(ruleSet) : null, whole ? ActiveRuleSet.unitViews(ruleSet) : null,
                whole ? ruleSet.files() : null);
    }

    /**
     * A second policy officer's approval: not the proposer (403); the draft's scenarios pass and a
     * backtest of it against the active set finished within {@link #BACKTEST_VALID_FOR} (else 409).
     * Without {@code effectiveFrom}, or with today, it takes effect now.
     */
    public RuleSetVersionView approve(String version, ApprovalRequest request, String approver) {
        proposal(version);
        String reasons = text("reasons", request == null ? null : request.reasons(), MAX_TEXT);
        LocalDate today = time.today();
        LocalDate from = effectiveFrom(request.effectiveFrom(), today);
        boolean now = from == null || !from.isAfter(today);
        jdbi.useTransaction(h -> {
            RuleSetDao dao = h.attach(RuleSetDao.class);
            RuleSetDao.ProposalRow p = dao.lockProposal(version).orElseThrow();
            if (p.proposedBy().equals(approver)) {
                throw new SeparationOfDuties("the proposer of a rule set does not approve it");
            }
            if (p.status() != ProposalStatus.DRAFT) {
                throw new Conflict("rule set " + version + " is " + p.status() + ", not a draft");
            }
            if (Json.read(p.scenarios(), RuleSetVersionView.ScenarioSummary.class).failed() > 0) {
                throw new Conflict("rule set " + version + " has failing scenarios: it cannot be approved");
            }
            String against = active.ruleSet().version();
            Instant at = time.now();
            BacktestDao.BacktestRow backtest = h.attach(BacktestDao.class).latestDone(version, against)
                    .filter(b -> b.finishedAt().isAfter(at.minus(BACKTEST_VALID_FOR)))
                    .orElseThrow(() -> new Conflict("rule set " + version + " needs a finished backtest against the "
                            + "active set " + against + " from the last " + BACKTEST_VALID_FOR.toHours() + " hours"));
            decide(h, new RuleSetDao.Decision(version, ProposalStatus.APPROVED, approver, at, reasons,
                    from == null ? today : from), backtest.id());
            if (now) {
                activate(h, version, approver, at, today);
            }
        });
        if (now) {
            active.refresh();
            reevaluation.wake();
        }
        return view(version);
    }

    /** Rejection, with reasons, ends a draft. */
    public RuleSetVersionView reject(String version, ApprovalRequest request, String actor) {
        proposal(version);
        String reasons = text("reasons", request == null ? null : request.reasons(), MAX_TEXT);
        jdbi.useTransaction(h -> {
            RuleSetDao dao = h.attach(RuleSetDao.class);
            RuleSetDao.ProposalRow p = dao.lockProposal(version).orElseThrow();
            if (p.status() != ProposalStatus.DRAFT) {
                throw new Conflict("rule set " + version + " is " + p.status() + ", not a draft");
            }
            Instant at = time.now();
            decide(h, new RuleSetDao.Decision(version, ProposalStatus.REJECTED, actor, at, reasons, null), null);
        });
        return view(version);
    }

    /**
     * Activates the approved versions whose day has come (every instance calls this on its poll;
     * the row lock lets one of them do it), follows the database's active version, and resumes any
     * unfinished re-evaluation (one cut short by a crash).
     */
    public void poll() {
        LocalDate today = time.today();
        for (String version : jdbi.withExtension(RuleSetDao.class, dao -> dao.due(today))) {
            jdbi.useTransaction(h -> {
                RuleSetDao.ProposalRow p = h.attach(RuleSetDao.class).lockProposal(version).orElseThrow();
                if (p.status() == ProposalStatus.APPROVED) {
                    activate(h, version, p.decidedBy(), time.now(), today);
                    LOG.info("rule set {} took effect on its day {}", version, p.effectiveFrom());
                }
            });
        }
        active.refresh();
        reevaluation.wake();
    }

    /** The version becomes the active one and the re-evaluation of everyone on file is queued. */
    private static void activate(Handle h, String version, String actor, Instant at, LocalDate today) {
        ActiveRuleSet.activate(h, version, at, actor);
        int total = h.attach(PopulationDao.class).size();
        h.attach(ActivationDao.class).insert(new ActivationDao.ActivationRow(version, at, today, "", "", 0, 0, total,
                null));
    }

    /** Records a draft's decision and audits it ({@code backtestId}: the backtest an approval rests on). */
    private static void decide(Handle h, RuleSetDao.Decision d, String backtestId) {
        h.attach(RuleSetDao.class).decide(d);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("version", d.version());
        content.put("decision", d.status());
        content.put("by", d.by());
        content.put("reasons", d.reasons());
        if (d.effectiveFrom() != null) {
            content.put("effectiveFrom", d.effectiveFrom());
        }
        if (backtestId != null) {
            content.put("backtestId", backtestId);
        }
        AuditChain.append(h, new AuditChain.Pending(EntryType.RULESET_DECISION, d.version(), null, d.by(), d.at(),
                Json.write(content)));
    }

    private static LocalDate effectiveFrom(String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value);
            if (day.isBefore(today)) {
                throw ValidationFailed.of("effectiveFrom", "must be today (" + today + ") or later");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ValidationFailed.of("effectiveFrom", "expected YYYY-MM-DD, got " + value);
        }
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ValidationFailed.of(field, "required");
        }
        if (value.length() > max) {
            throw ValidationFailed.of(field, "at most " + max + " characters");
        }
        return value.strip();
    }
}
