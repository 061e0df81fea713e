package org.vetting.watchlist;

import java.time.Instant;
import java.util.Objects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Map;
import java.util.SortedMap;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.vetting.api.ListVersionStatus;
import org.vetting.api.WatchlistEntryView;
import org.vetting.api.WatchlistImport;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.common.Identifiers;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.clearance.Transitions;
import org.vetting.db.ScreeningHitDao;
import org.vetting.db.WatchlistDao;
import org.vetting.errors.Conflict;
import org.vetting.errors.NotFound;
import org.vetting.errors.SeparationOfDuties;
import org.vetting.errors.ValidationFailed;
import org.vetting.screening.Match;
import org.vetting.rules.ScreeningPolicy;
import org.vetting.screening.Subject;
import org.vetting.screening.WatchlistEntry;
import org.vetting.screening.WatchlistIndex;

/**
 * Watchlists as versioned data (docs/screening.md, "Lists as versioned data"): every import is a stored version; one
 * that only adds or changes entries (or a list's first) takes effect at once; one that removes
 * entries waits for a second policy officer, since removing a name is how an insider would clear a
 * listed person. A version taking effect re-screens everyone holding a clearance ({@code onEffect}).
 */
public final class Watchlists {
    private static final int ENTRY_BATCH = 1_000;

    private final Jdbi jdbi;
    private final ActiveWatchlists active;
    private final ServiceTime time;
    private final Runnable onEffect;

    private final Supplier<Optional<ScreeningPolicy>> policy;

    public Watchlists(Jdbi jdbi, ActiveWatchlists active, ServiceTime time, Runnable onEffect,
                      Supplier<Optional<ScreeningPolicy>> policy) {
        this.policy = policy;
        this.jdbi = jdbi;
        this.active = active;
        this.time = time;
        this.onEffect = onEffect;
    }

    /**
     * Imports a version of {@code list} from {@code files} (by name: {@code sdn.csv}, {@code alt.csv},
     * {@code x.jsonl}, {@code x.csv}), read streaming. A malformed file is refused naming file and
     * line, and nothing is stored.
     */
    public WatchlistImport importVersion(String list, String formatName, SortedMap<String, Path> files, String actor) {
        if (!Identifiers.isIdentifier("list", list)) {
            throw ValidationFailed.of("list", Identifiers.LIST_RULE);
        }
        ListFormat format = ListFormat.of(formatName).orElseThrow(() ->
                ValidationFailed.of("format", "one of " + ListFormat.names()));
        format.checkFiles(files.keySet()).ifPresent(problem -> {
            throw ValidationFailed.of("files", problem);
        });
        Map<String, WatchlistEntry> entries = ListReader.read(format, files);
        if (entries.isEmpty()) {
            throw ValidationFailed.of("files", "no person or organisation entry to screen against");
        }
        String filesSha256 = sha256(files);
        WatchlistImport imported;
        try {
            imported = jdbi.inTransaction(h -> store(h, list, format, entries, filesSha256, actor));
        } catch (UnableToExecuteStatementException race) {
            throw new Conflict("another version of " + list + " was imported at the same time; import again");
        }
        if (imported.status() == ListVersionStatus.ACTIVE) {
            active.refresh();
            onEffect.run();
        }
        return imported;
    }

    private WatchlistImport store(Handle h, String list, ListFormat format, Map<String, WatchlistEntry> entries,
                                  String filesSha256, String actor) {
        WatchlistDao dao = h.attach(WatchlistDao.class);
        var current = dao.active(list);
        Map<String, String> before = new LinkedHashMap<>();
        current.ifPresent(v -> dao.hashes(list, v.version()).forEach(e -> before.put(e.entryId(), e.contentHash())));
        List<WatchlistDao.EntryRow> rows = new ArrayList<>(Math.min(entries.size(), ENTRY_BATCH));
        int version = dao.latestVersion(list) + 1;
        int added = 0;
        int changed = 0;
        for (WatchlistEntry e : entries.values()) {
            String hash = e.contentHash();
            String was = before.get(e.id());
            if (was == null) {
                added++;
            } else if (!was.equals(hash)) {
                changed++;
            }
            rows.add(new WatchlistDao.EntryRow(list, version, e.id(), hash, Json.write(e)));
            if (rows.size() == ENTRY_BATCH) {
                dao.insertEntries(rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            dao.insertEntries(rows);
        }
        List<String> removedIds = before.keySet().stream().filter(id -> !entries.containsKey(id)).sorted().toList();
        if (current.isPresent() && added == 0 && changed == 0 && removedIds.isEmpty()) {
            throw new Conflict("these are the entries of " + list + " version " + current.get().version()
                    + ", which is in force");
        }
        boolean waits = current.isPresent() && !removedIds.isEmpty();
        var now = time.now();
        var row = new WatchlistDao.VersionRow(list, version, format.apiName(), waits ? ListVersionStatus.PENDING_APPROVAL : ListVersionStatus.ACTIVE, entries.size(),
                added, removedIds.size(), changed, current.map(WatchlistDao.VersionRow::version).orElse(null),
                filesSha256, actor, now, null, null, waits ? null : now);
        if (!waits) {
            dao.supersede(list);
        }
        dao.insert(row);
        if (!waits) {
            queueRescreening(h, list, version, now);
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("version", row);
        content.put("removedEntryIds", removedIds);
        AuditChain.append(h, new AuditChain.Pending(EntryType.WATCHLIST_VERSION, list + "/" + version, null, actor, now, Json.write(content)));
        return view(row);
    }

    /** A second policy officer lets a version that removes entries take effect. */
    public WatchlistImport approve(String list, int version, String actor, String reasons) {
        return decide(list, version, actor, reasons, true);
    }

    /** A version that removes entries is dropped: it never takes effect. */
    public WatchlistImport reject(String list, int version, String actor, String reasons) {
        return decide(list, version, actor, reasons, false);
    }

    private WatchlistImport decide(String list, int version, String actor, String reasons, boolean approve) {
        if (reasons == null || reasons.isBlank() || reasons.length() > 4000) {
            throw ValidationFailed.of("reasons", "required, at most 4000 characters");
        }
        WatchlistImport decided = jdbi.inTransaction(h -> {
            WatchlistDao dao = h.attach(WatchlistDao.class);
            WatchlistDao.VersionRow v = dao.lock(list, version)
                    .orElseThrow(() -> new NotFound("no version " + version + " of list " + list));
            if (v.status() != ListVersionStatus.PENDING_APPROVAL) {
                throw new Conflict("version " + version + " of " + list + " is " + v.status()
                        + "; only a version waiting for approval can be decided");
            }
            if (approve && v.importedBy().equals(actor)) {
                throw new SeparationOfDuties("the policy officer who imported a version cannot approve it");
            }
            Integer inForce = dao.active(list).map(WatchlistDao.VersionRow::version).orElse(null);
            if (approve && !Objects.equals(inForce, v.basedOn())) {
                throw new Conflict("version " + version + " was counted against version " + v.basedOn() + " but version "
                        + inForce + " is in force now; import the list again");
            }
            var now = time.now();
            var row = new WatchlistDao.VersionRow(list, version, v.format(), approve ? ListVersionStatus.ACTIVE : ListVersionStatus.REJECTED, v.entries(),
                    v.added(), v.removed(), v.changed(), v.basedOn(), v.filesSha256(), v.importedBy(), v.importedAt(),
                    actor, now, approve ? now : null);
            if (approve) {
                dao.supersede(list);
            }
            dao.decide(row);
            if (approve) {
                queueRescreening(h, list, version, now);
            }
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("list", list);
            content.put("version", version);
            content.put("decision", approve ? "APPROVE" : "REJECT");
            content.put("reasons", reasons);
            content.put("importedBy", v.importedBy());
            AuditChain.append(h, new AuditChain.Pending(EntryType.WATCHLIST_DECISION, list + "/" + version, null, actor, now,
                    Json.write(content)));
            return view(row);
        });
        if (approve) {
            active.refresh();
            onEffect.run();
        }
        return decided;
    }

    /** Everyone holding a clearance is screened again (the run is resumed from the database after a crash). */
    private static void queueRescreening(Handle h, String list, int version, Instant now) {
        ScreeningHitDao dao = h.attach(ScreeningHitDao.class);
        dao.insertRun(new ScreeningHitDao.RunRow(list, version, now, "", 0, 0, 0,
                dao.holderCount(Transitions.reevaluatedOnChange()), null));
    }

    /** Every list: its version in force and all its versions, newest first. */
    public List<WatchlistImport.ListView> lists() {
        Map<String, List<WatchlistImport>> byList = new LinkedHashMap<>();
        for (WatchlistDao.VersionRow v : jdbi.withExtension(WatchlistDao.class, WatchlistDao::versions)) {
            byList.computeIfAbsent(v.listName(), k -> new ArrayList<>()).add(view(v));
        }
        List<WatchlistImport.ListView> lists = new ArrayList<>();
        byList.forEach((list, versions) -> {
            WatchlistImport inForce = versions.stream().filter(v -> v.status() == ListVersionStatus.ACTIVE).findFirst().orElse(null);
            WatchlistImport.Rescreening progress = inForce == null ? null : jdbi.withExtension(ScreeningHitDao.class,
                    dao -> dao.run(list, inForce.version())).map(r -> new WatchlistImport.Rescreening(r.done(),
                    r.total(), r.newHits(), r.reevaluated(), r.startedAt(), r.finishedAt())).orElse(null);
            lists.add(new WatchlistImport.ListView(list, inForce, progress, versions));
        });
        return lists;
    }

    /** The entries of the list's version in force that match {@code q} from {@code minScore}, best first. */
    public List<WatchlistEntryView> search(String list, String q, double minScore, int limit) {
        if (q == null || q.strip().length() < 2 || q.length() > 200) {
            throw ValidationFailed.of("q", "a name of 2 to 200 characters");
        }
        WatchlistIndex index = active.of(list).orElseThrow(() -> new NotFound("no list " + list + " in force"));
        List<WatchlistEntryView> found = new ArrayList<>();
        // scored as screening scores, under the rule set in force (down to minScore)
        ScreeningPolicy scoring = policy.get().map(p -> p.withThreshold(minScore))
                .orElse(ScreeningPolicy.thresholdOnly(minScore));
        for (Match m : index.screen(Subject.association("search", q.strip(), null), scoring)) {
            if (found.size() == limit) {
                break;
            }
            WatchlistEntry e = m.entry();
            found.add(new WatchlistEntryView(list, index.version(), e.id(), e.kind().name(), e.name(), e.aliases(),
                    e.weakAliases(), e.birthDate(), e.nationality(), e.program(), e.remarks(), m.score(), m.matchedName(),
                    m.matchedParts()));
        }
        return found;
    }

    /** One entry of a stored version (for a reviewer: the entry beside the officer). */
    public WatchlistEntry entry(String list, int version, String entryId) {
        return jdbi.withExtension(WatchlistDao.class, dao -> dao.entry(list, version, entryId))
                .map(json -> Json.read(json, WatchlistEntry.class))
                .orElseThrow(() -> new NotFound("no entry " + entryId + " in version " + version + " of " + list));
    }

    static WatchlistImport view(WatchlistDao.VersionRow v) {
        return new WatchlistImport(v.listName(), v.version(), v.format(), v.entries(), v.added(), v.removed(),
                v.changed(), v.basedOn(), v.status(), v.importedBy(), v.importedAt(), v.decidedBy(), v.decidedAt(),
                v.effectiveAt(), v.filesSha256());
    }

    /** SHA-256 over the files' names and bytes, in name order, read streaming. */
    static String sha256(SortedMap<String, Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (var f : files.entrySet()) {
                sha.update((f.getKey() + "\0" + Files.size(f.getValue()) + "\0").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(f.getValue())) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
