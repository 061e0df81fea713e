package org.vetting.chain;

import java.util.TreeMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Handle;
import org.vetting.common.Json;
import org.vetting.common.Sha256;
import org.vetting.db.AdjudicationDao;
import org.vetting.db.AuditDao;
import org.vetting.db.ClearanceDao;
import org.vetting.db.EvaluationDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.db.RuleSetDao;
import org.vetting.rules.RuleSetLoader;
import org.vetting.api.ChainStatus;

/**
 * The append-only, hash-chained audit log. Each entry's hash is SHA-256 over the previous entry's
 * hash, its sequence number, type, reference and canonical content. Appends lock the single
 * {@code audit_head} row, so they are strictly ordered across threads and service instances, and
 * happen in the transaction of the decision they record.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** Appends an entry whose content is rebuilt from its source rows (evaluations, clearance changes, rule sets). */
    public static AuditDao.EntryRow append(Handle h, EntryType type, String ref, String officerId, String actor,
                                           Instant at) {
        String content = contentFromSource(h, type, ref)
                .orElseThrow(() -> new IllegalStateException(type + " " + ref + " has no source rows to audit"));
        return append(h, new Pending(type, ref, officerId, actor, at, content));
    }

    /** Appends an entry with the given canonical content (for changes whose source rows are mutable). */
    public static AuditDao.EntryRow append(Handle h, Pending entry) {
        return appendAll(h, List.of(entry)).get(0);
    }

    /** An entry to append later, so that a decision holds the audit head only for its last moments. */
    public record Pending(EntryType type, String ref, String officerId, String actor, Instant at, String content) {}

    /**
     * Appends entries in order under one lock of the head, taken last: a decision writes its rows
     * first and then its audit entries, so decisions wait on each other for the appends and the
     * commit only. Returns the entries as stored.
     */
    public static List<AuditDao.EntryRow> appendAll(Handle h, List<Pending> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        AuditDao dao = h.attach(AuditDao.class);
        AuditDao.Head head = dao.lockHead();
        long sequence = head.sequence();
        String previous = head.hash();
        List<AuditDao.EntryRow> appended = new ArrayList<>(entries.size());
        for (Pending p : entries) {
            sequence++;
            String hash = hash(previous, sequence, p.type().name(), p.ref(), p.content());
            AuditDao.EntryRow entry = new AuditDao.EntryRow(sequence, p.type().name(), p.ref(), p.officerId(),
                    p.actor(), p.at(), p.content(), previous, hash);
            appended.add(entry);
            previous = hash;
        }
        dao.insert(appended);
        dao.moveHead(sequence, previous);
        return appended;
    }

    /**
     * Walks the whole chain: sequence without gaps, each previous hash equal to the prior entry's
     * hash, each hash recomputed, each content equal to what the source rows say today; then the
     * head, and that every evaluation and clearance change is covered by an entry.
     */
    public static ChainStatus verify(Handle h) {
        AuditDao dao = h.attach(AuditDao.class);
        String previous = GENESIS;
        long count = 0;
        long after = 0;
        while (true) {
            List<AuditDao.EntryRow> page = dao.page(after, 500);
            if (page.isEmpty()) {
                break;
            }
            for (AuditDao.EntryRow e : page) {
                String problem = check(h, e, count + 1, previous);
                if (problem != null) {
                    return new ChainStatus(false, count, e.sequence(), problem);
                }
                previous = e.hash();
                count++;
                after = e.sequence();
            }
        }
        AuditDao.Head head = dao.head();
        if (head.sequence() != count || !previous.equals(head.hash())) {
            return new ChainStatus(false, count, null, "the chain ends at entry " + count + " but its head says "
                    + head.sequence() + ": entries were removed");
        }
        long evaluations = h.attach(EvaluationDao.class).count();
        long covered = dao.count(EntryType.EVALUATION.name());
        if (evaluations != covered) {
            return new ChainStatus(false, count, null, evaluations + " evaluations but " + covered + " audit entries");
        }
        long events = h.attach(ClearanceDao.class).countEvents();
        long coveredEvents = dao.count(EntryType.CLEARANCE.name());
        if (events != coveredEvents) {
            return new ChainStatus(false, count, null, events + " clearance changes but " + coveredEvents
                    + " audit entries");
        }
        return ChainStatus.ok(count);
    }

    private static String check(Handle h, AuditDao.EntryRow e, long expectedSequence, String previous) {
        if (e.sequence() != expectedSequence) {
            return "entry " + expectedSequence + " is missing";
        }
        if (!e.previousHash().equals(previous)) {
            return "its previous hash does not match entry " + (e.sequence() - 1);
        }
        EntryType type;
        try {
            type = EntryType.valueOf(e.entryType());
        } catch (IllegalArgumentException unknown) {
            return "unknown entry type " + e.entryType();
        }
        if (!hash(e.previousHash(), e.sequence(), e.entryType(), e.ref(), e.content()).equals(e.hash())) {
            return "its hash does not match its content";
        }
        if (type.rebuiltFromSource()) {
            Optional<String> source = contentFromSource(h, type, e.ref());
            if (source.isEmpty()) {
                return type + " " + e.ref() + " no longer exists";
            }
            if (!source.get().equals(e.content())) {
                return type + " " + e.ref() + " was changed after it was recorded";
            }
        }
        return null;
    }

    /** The canonical content of an entry, rebuilt from the rows it records. */
    static Optional<String> contentFromSource(Handle h, EntryType type, String ref) {
        return switch (type) {
            case EVALUATION -> evaluation(h, ref);
            case CLEARANCE -> h.attach(ClearanceDao.class).event(Long.parseLong(ref)).map(Json::write);
            case RULESET -> ruleSet(h, ref);
            case ADJUDICATION -> h.attach(AdjudicationDao.class).find(ref).map(Json::write);
            case USER, ADJUDICATION_REFUSED, CORRECTION, RULESET_PROPOSAL, RULESET_DECISION, BACKTEST, WATCHLIST_VERSION,
                 WATCHLIST_DECISION, SCREENING_REVIEW, ADVERSE_CASE ->
                    Optional.empty();
        };
    }

    private static Optional<String> evaluation(Handle h, String id) {
        return h.attach(EvaluationDao.class).rows(id).map(rows -> evaluationContent(rows,
                h.attach(OfficerRecordDao.class).find(rows.evaluation().officerId(), rows.evaluation().recordVersion())
                        .orElse("")));
    }

    /**
     * The canonical content of an evaluation entry: its row, flags and fired rules as stored, and the
     * SHA-256 of the input record's JSON. Built from the rows being written, and from the rows read
     * back when verifying; they must be equal.
     */
    public static String evaluationContent(EvaluationDao.Rows rows, String recordJson) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("evaluation", rows.evaluation());
        content.put("flags", rows.flags());
        content.put("firedRules", rows.firedRules());
        content.put("inputSha256", Sha256.hex(recordJson));
        return Json.write(content);
    }

    private static Optional<String> ruleSet(Handle h, String version) {
        RuleSetDao dao = h.attach(RuleSetDao.class);
        return dao.files(version).map(files -> {
            SortedMap<String, String> parsed = Json.read(files, new TypeReference<TreeMap<String, String>>() {});
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("version", version);
            content.put("activatedAt", dao.activatedAt(version).orElseThrow());
            // the version is the hash of the files: a changed file no longer matches it
            content.put("filesVersion", RuleSetLoader.version(parsed));
            return Json.write(content);
        });
    }

    static String hash(String previous, long sequence, String type, String ref, String content) {
        return Sha256.hex(previous + "\n" + sequence + "\n" + type + "\n" + ref + "\n" + content);
    }
}
