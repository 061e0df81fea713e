package org.vetting.correction;

import java.util.function.Consumer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vetting.api.ClearanceCause;
import org.vetting.api.CorrectionStatus;
import org.vetting.common.Ids;
import org.vetting.access.OfficerAccess;
import org.vetting.api.CorrectionDecision;
import org.vetting.api.CorrectionRequest;
import org.vetting.api.CorrectionView;
import org.vetting.api.FieldError;
import org.vetting.api.ListPage;
import org.vetting.api.OfficerRecord;
import org.vetting.api.RecordList;
import org.vetting.auth.User;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.clearance.Clearances;
import org.vetting.common.Json;
import org.vetting.common.Language;
import org.vetting.common.ServiceTime;
import org.vetting.db.CorrectionDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.errors.Conflict;
import org.vetting.errors.NotFound;
import org.vetting.errors.SeparationOfDuties;
import org.vetting.errors.ValidationFailed;
import org.vetting.evaluation.Evaluation;
import org.vetting.evaluation.Reevaluations;
import org.vetting.evaluation.RecordValidator;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.rules.RuleSet;

/**
 * Corrections take two people (docs/api.md "Integrity"): removing a record on file or changing
 * one is proposed by a vetting officer with reasons and changes nothing until a different person
 * holding ADJUDICATOR approves it — not the proposer, not the officer concerned. On approval a new
 * record version is stored and every clearance of the officer is re-evaluated as a fresh
 * evaluation (cause CORRECTION); a rejection changes nothing. Each step is an audit entry with
 * every record it touches, before and after.
 */
public final class CorrectionService {
    private static final int MAX_REASONS = 10_000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, List<Object>>> REPLACE = new TypeReference<>() {};

    private final Jdbi jdbi;
    private final ActiveRuleSet rules;
    private final Reevaluations evaluations;
    private final OfficerAccess access;
    private final ServiceTime time;

    public CorrectionService(Jdbi jdbi, ActiveRuleSet rules, Reevaluations evaluations, OfficerAccess access,
                             ServiceTime time) {
        this.jdbi = jdbi;
        this.rules = rules;
        this.evaluations = evaluations;
        this.access = access;
        this.time = time;
    }

    /** Records a proposal; nothing on file changes. */
    public CorrectionView propose(String officerId, CorrectionRequest request, User proposer) {
        access.check(proposer, officerId);
        if (request == null) {
            throw ValidationFailed.of("(body)", "required: remove and/or replace, and reasons");
        }
        List<FieldError> errors = new ArrayList<>();
        reasons(request.reasons(), errors);
        OfficerRecord replace = request.replace() == null ? RecordList.withLists(empty(officerId), l -> List.of())
                : request.replace();
        RecordList.otherFieldsPresent(replace).stream()
                .filter(f -> !(f.equals("officerId") && officerId.equals(replace.officerId())))
                .forEach(f -> errors.add(new FieldError("replace." + f, "a correction replaces records of the lists only")));
        if (request.remove().isEmpty() && RecordList.allEmpty(replace)) {
            errors.add(new FieldError("(body)", "nothing to correct: name records to remove or to replace"));
        }
        ValidationFailed.check(errors);
        return jdbi.inTransaction(h -> {
            OfficerRecordDao records = h.attach(OfficerRecordDao.class);
            int version = records.latestVersion(officerId);
            OfficerRecord onFile = records.record(officerId, version).orElseThrow();
            Corrected corrected = apply(onFile, request.remove(), replace);
            ValidationFailed.check(corrected.errors());
            ValidationFailed.check(RecordValidator.validate(corrected.record(), time.today(), rules.ruleSet(), "")
                    .stream().filter(e -> !e.field().equals("targetUnit")).toList());
            Instant now = time.now();
            CorrectionDao.CorrectionRow row = new CorrectionDao.CorrectionRow(Ids.next(), officerId,
                    CorrectionStatus.PENDING, proposer.username(), request.reasons().strip(), Json.write(request.remove()),
                    Json.write(replacements(replace)), version, now, null, null, null);
            h.attach(CorrectionDao.class).insert(row);
            audit(h, row, "PROPOSED", corrected.changes(), Map.of());
            return view(row);
        });
    }

    /** A second person approves: a new record version, every clearance re-evaluated as fresh. */
    public CorrectionDecision approve(String id, String reasons, User approver, Language language,
                                      Consumer<String> named) {
        List<FieldError> errors = new ArrayList<>();
        reasons(reasons, errors);
        ValidationFailed.check(errors);
        RuleSet ruleSet = rules.ruleSet();
        LocalDate today = time.today();
        return jdbi.inTransaction(h -> {
            CorrectionDao.CorrectionRow row = decidable(h, id, approver, named);
            approver.requireRecentSecondFactor(); // the second person's signature
            OfficerRecordDao records = h.attach(OfficerRecordDao.class);
            int latest = records.latestVersion(row.officerId());
            OfficerRecord onFile = records.record(row.officerId(), latest).orElseThrow();
            OfficerRecord replace = RecordList.withLists(empty(row.officerId()), l -> Json.read(row.replaceRecords(),
                    REPLACE).getOrDefault(l.field(), List.of()).stream()
                    .map(o -> Json.canonical().convertValue(o, l.type())).toList());
            Corrected corrected = apply(onFile, Json.read(row.removeRecords(), STRINGS), replace);
            if (!corrected.errors().isEmpty()) {
                throw new Conflict("the records on file changed since correction " + id + " was proposed: "
                        + corrected.errors().get(0).message());
            }
            List<Evaluation> fresh = evaluations.storeAndReevaluate(h, new Reevaluations.Why(ruleSet,
                    ClearanceCause.CORRECTION, approver.username(), today), corrected.record(), latest + 1, true);
            Instant now = time.now();
            h.attach(CorrectionDao.class).decide(id, CorrectionStatus.APPROVED, approver.username(), now, reasons.strip());
            CorrectionDao.CorrectionRow decided = h.attach(CorrectionDao.class).find(id).orElseThrow();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("recordVersion", latest + 1);
            extra.put("evaluations", fresh.stream().map(Evaluation::id).toList());
            audit(h, decided, CorrectionStatus.APPROVED.name(), corrected.changes(), extra);
            return new CorrectionDecision(view(decided), fresh.stream().map(e -> e.view(language)).toList());
        });
    }

    /** A second person rejects: nothing on file changes. */
    public CorrectionView reject(String id, String reasons, User approver, Consumer<String> named) {
        List<FieldError> errors = new ArrayList<>();
        reasons(reasons, errors);
        ValidationFailed.check(errors);
        return jdbi.inTransaction(h -> {
            CorrectionDao.CorrectionRow row = decidable(h, id, approver, named);
            Instant now = time.now();
            h.attach(CorrectionDao.class).decide(id, CorrectionStatus.REJECTED, approver.username(), now, reasons.strip());
            CorrectionDao.CorrectionRow decided = h.attach(CorrectionDao.class).find(id).orElseThrow();
            audit(h, decided, CorrectionStatus.REJECTED.name(), List.of(), Map.of());
            return view(decided);
        });
    }

    /** Corrections of the reader's countries, never about themselves, oldest first after the cursor (an id). */
    public ListPage<CorrectionView> list(String status, String after, int limit, User reader) {
        CorrectionStatus wanted = ValidationFailed.oneOf(CorrectionStatus.class, "status", status);
        List<CorrectionDao.CorrectionRow> rows = jdbi.withExtension(CorrectionDao.class, dao -> dao.list(wanted,
                after == null ? "" : after, reader.countryScoped(), reader.countries(), reader.officerId(), limit + 1));
        return ListPage.of(rows, limit, CorrectionDao.CorrectionRow::id).map(CorrectionService::view);
    }

    /** The locked, pending correction that this person may decide. */
    private CorrectionDao.CorrectionRow decidable(Handle h, String id, User approver,
                                                  Consumer<String> named) {
        CorrectionDao.CorrectionRow row = h.attach(CorrectionDao.class).lock(id)
                .orElseThrow(() -> new NotFound("no correction " + id));
        named.accept(row.officerId());
        access.check(approver, row.officerId(), () -> new NotFound("no correction " + id));
        if (row.proposedBy().equals(approver.username())) {
            throw new SeparationOfDuties("a correction is decided by a second person, not its proposer");
        }
        if (row.status() != CorrectionStatus.PENDING) {
            throw new Conflict("correction " + id + " is already " + row.status());
        }
        return row;
    }

    /** A corrected record, what each change did, and what could not be applied. */
    private record Corrected(OfficerRecord record, List<Map<String, Object>> changes, List<FieldError> errors) {}

    private static Corrected apply(OfficerRecord onFile, List<String> remove, OfficerRecord replace) {
        List<FieldError> errors = new ArrayList<>();
        List<Map<String, Object>> changes = new ArrayList<>();
        for (int i = 0; i < remove.size(); i++) {
            String key = remove.get(i);
            List<RecordList> holding = Arrays.stream(RecordList.values()).filter(l -> l.of(onFile).stream()
                    .anyMatch(e -> l.keyOf(e).equals(key))).toList();
            if (holding.isEmpty()) {
                errors.add(new FieldError("remove[" + i + "]", "no record " + key + " on file"));
            } else if (holding.size() > 1) {
                errors.add(new FieldError("remove[" + i + "]", "record " + key + " names records in several lists ("
                        + String.join(", ", holding.stream().map(RecordList::field).toList()) + ")"));
            }
        }
        for (RecordList l : RecordList.values()) {
            List<?> replacing = l.of(replace);
            for (int i = 0; i < replacing.size(); i++) {
                Object entry = replacing.get(i);
                String key = entry == null ? null : l.keyOf(entry);
                String at = "replace." + l.field() + "[" + i + "]." + l.key();
                if (entry == null || l.of(onFile).stream().noneMatch(e -> l.keyOf(e).equals(key))) {
                    errors.add(new FieldError(at, "no record " + key + " on file in " + l.field()
                            + "; a correction replaces records on file (new ones are submitted)"));
                } else if (remove.contains(key)) {
                    errors.add(new FieldError(at, "record " + key + " is both removed and replaced"));
                }
            }
        }
        OfficerRecord corrected = RecordList.withLists(onFile, l -> {
            List<Object> entries = new ArrayList<>();
            for (Object e : l.of(onFile)) {
                String key = l.keyOf(e);
                Object replacement = l.of(replace).stream().filter(r -> r != null && l.keyOf(r).equals(key))
                        .findFirst().orElse(null);
                if (remove.contains(key)) {
                    changes.add(change(l, key, e, null));
                } else if (replacement != null) {
                    changes.add(change(l, key, e, replacement));
                    entries.add(replacement);
                } else {
                    entries.add(e);
                }
            }
            return entries;
        });
        return new Corrected(corrected, changes, errors);
    }

    private static Map<String, Object> change(RecordList list, String key, Object before, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("list", list.field());
        change.put("key", key);
        change.put("before", before);
        change.put("after", after);
        return change;
    }

    private static Map<String, List<?>> replacements(OfficerRecord replace) {
        Map<String, List<?>> byList = new LinkedHashMap<>();
        for (RecordList l : RecordList.values()) {
            if (!l.of(replace).isEmpty()) {
                byList.put(l.field(), l.of(replace));
            }
        }
        return byList;
    }

    private static void reasons(String reasons, List<FieldError> errors) {
        if (reasons == null || reasons.isBlank()) {
            errors.add(new FieldError("reasons", "required: the written reasons"));
        } else if (reasons.length() > MAX_REASONS) {
            errors.add(new FieldError("reasons", "at most " + MAX_REASONS + " characters"));
        }
    }

    private static OfficerRecord empty(String officerId) {
        return new OfficerRecord(officerId, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** A step of the correction, audited as its row stands after it (by whoever took it, when). */
    private void audit(Handle h, CorrectionDao.CorrectionRow row, String step, List<Map<String, Object>> changes,
                       Map<String, Object> extra) {
        boolean decided = row.decidedBy() != null;
        String actor = decided ? row.decidedBy() : row.proposedBy();
        Instant at = decided ? row.decidedAt() : row.createdAt();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("step", step);
        content.put("correction", view(row));
        content.put("changes", changes);
        content.putAll(extra);
        AuditChain.append(h, new AuditChain.Pending(EntryType.CORRECTION, row.id(), row.officerId(), actor, at,
                Json.write(content)));
    }

    private static CorrectionView view(CorrectionDao.CorrectionRow row) {
        return new CorrectionView(row.id(), row.officerId(), row.status(), row.proposedBy(), row.reasons(),
                Json.read(row.removeRecords(), STRINGS), Json.read(row.replaceRecords(), REPLACE), row.createdAt(),
                row.decidedBy(), row.decidedAt(), row.decisionReasons());
    }
}
