package org.vetting.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Handle;
import org.vetting.common.Json;
import org.vetting.db.AdjudicationDao;
import org.vetting.db.ClearanceDao;
import org.vetting.db.EvaluationDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.db.RuleSetDao;
import org.vetting.rules.RuleSetLoader;

/**
 * The append-only, hash-chained audit log. Each entry's hash is SHA-256 over the previous entry's
 * hash, its sequence number, type, reference and canonical content. Appends lock the single
 * {@code audit_head} row, so they are strictly ordered across threads and service instances, and
 * happen in the transaction of the decision they record.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** One row of {@code audit_log}. */
    public record Entry(long sequence, String entryType, String ref, String officerId, String actor, Instant at,
                        String content, String previousHash, String hash) {}

    /** Appends an entry whose content is rebuilt from its source rows (evaluations, clearance changes, rule sets). */
    public static Entry append(Handle h, EntryType type, String ref, String officerId, String actor, Instant at) {
        String content = contentFromSource(h, type, ref)
                .orElseThrow(() -> new IllegalStateException(type + " " + ref + " has no source rows to audit"));
        return append(h, type, ref, officerId, actor, at, content);
    }

    /** Appends an entry with the given canonical content (for changes whose source rows are mutable). */
    public static Entry append(Handle h, EntryType type, String ref, String officerId, String actor, Instant at,
                               String content) {
        Map<String, Object> head = h.createQuery("SELECT sequence, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .mapToMap().one();
        long sequence = ((Number) head.get("sequence")).longValue() + 1;
        String previous = (String) head.get("hash");
        String hash = hash(previous, sequence, type.name(), ref, content);
        h.createUpdate("INSERT INTO audit_log (sequence, entry_type, ref, officer_id, actor, at, content, previous_hash, "
                        + "hash) VALUES (:sequence, :type, :ref, :officerId, :actor, :at, :content, :previous, :hash)")
                .bind("sequence", sequence).bind("type", type.name()).bind("ref", ref).bind("officerId", officerId)
                .bind("actor", actor).bind("at", at).bind("content", content).bind("previous", previous)
                .bind("hash", hash).execute();
        h.createUpdate("UPDATE audit_head SET sequence = :sequence, hash = :hash WHERE id = 1")
                .bind("sequence", sequence).bind("hash", hash).execute();
        return new Entry(sequence, type.name(), ref, officerId, actor, at, content, previous, hash);
    }

    /**
     * Walks the whole chain: sequence without gaps, each previous hash equal to the prior entry's
     * hash, each hash recomputed, each content equal to what the source rows say today; then the
     * head, and that every evaluation and clearance change is covered by an entry.
     */
    public static ChainStatus verify(Handle h) {
        String previous = GENESIS;
        long count = 0;
        long after = 0;
        while (true) {
            List<Entry> page = h.createQuery("SELECT sequence, entry_type, ref, officer_id, actor, at, content, "
                            + "previous_hash, hash FROM audit_log WHERE sequence > :after ORDER BY sequence")
                    .bind("after", after).setMaxRows(500).map((rs, ctx) -> new Entry(rs.getLong(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                            rs.getString(7), rs.getString(8), rs.getString(9)))
                    .list();
            if (page.isEmpty()) {
                break;
            }
            for (Entry e : page) {
                String problem = check(h, e, count + 1, previous);
                if (problem != null) {
                    return new ChainStatus(false, count, e.sequence(), problem);
                }
                previous = e.hash();
                count++;
                after = e.sequence();
            }
        }
        Map<String, Object> head = h.createQuery("SELECT sequence, hash FROM audit_head WHERE id = 1").mapToMap().one();
        if (((Number) head.get("sequence")).longValue() != count || !previous.equals(head.get("hash"))) {
            return new ChainStatus(false, count, null, "the chain ends at entry " + count + " but its head says "
                    + head.get("sequence") + ": entries were removed");
        }
        long evaluations = h.attach(EvaluationDao.class).count();
        long covered = countEntries(h, EntryType.EVALUATION);
        if (evaluations != covered) {
            return new ChainStatus(false, count, null, evaluations + " evaluations but " + covered + " audit entries");
        }
        long events = h.attach(ClearanceDao.class).countEvents();
        long coveredEvents = countEntries(h, EntryType.CLEARANCE);
        if (events != coveredEvents) {
            return new ChainStatus(false, count, null, events + " clearance changes but " + coveredEvents
                    + " audit entries");
        }
        return ChainStatus.ok(count);
    }

    private static String check(Handle h, Entry e, long expectedSequence, String previous) {
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
            case USER, ADJUDICATION_REFUSED -> Optional.empty();
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
        content.put("inputSha256", sha256(recordJson));
        return Json.write(content);
    }

    private static Optional<String> ruleSet(Handle h, String version) {
        RuleSetDao dao = h.attach(RuleSetDao.class);
        return dao.files(version).map(files -> {
            SortedMap<String, String> parsed = Json.read(files, new TypeReference<java.util.TreeMap<String, String>>() {});
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("version", version);
            content.put("activatedAt", dao.activatedAt(version).orElseThrow());
            // the version is the hash of the files: a changed file no longer matches it
            content.put("filesVersion", RuleSetLoader.version(parsed));
            return Json.write(content);
        });
    }

    private static long countEntries(Handle h, EntryType type) {
        return h.createQuery("SELECT COUNT(*) FROM audit_log WHERE entry_type = :type").bind("type", type.name())
                .mapTo(Long.class).one();
    }

    static String hash(String previous, long sequence, String type, String ref, String content) {
        return sha256(previous + "\n" + sequence + "\n" + type + "\n" + ref + "\n" + content);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
