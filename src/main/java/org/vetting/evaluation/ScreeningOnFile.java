package org.vetting.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vetting.api.HitStatus;
import org.vetting.common.Ids;
import org.vetting.api.OfficerRecord;
import org.vetting.common.Json;
import org.vetting.common.Sha256;
import org.vetting.db.ScreeningHitDao;
import org.vetting.rules.RuleSet;
import org.vetting.screening.PersonName;
import org.vetting.screening.Screener;
import org.vetting.screening.WatchlistIndex;
import org.vetting.watchlist.ActiveWatchlists;

/**
 * Screening a record as part of its evaluation: the possible matches at the rule set's threshold,
 * each the hit on file for its (subject, entry as it stands) pair — so a dismissed pair stays
 * dismissed and a confirmed one confirmed — or a new OPEN hit. A dry run reads the hits on file and
 * writes nothing.
 */
public final class ScreeningOnFile {

    private final ActiveWatchlists lists;

    public ScreeningOnFile(ActiveWatchlists lists) {
        this.lists = lists;
    }

    /** The screening of {@code record}, storing new hits in {@code h}'s transaction. */
    public Screening screen(Handle h, RuleSet ruleSet, OfficerRecord record, Instant now) {
        return onFile(h, match(ruleSet, record), record, now);
    }

    /** A dry run's screening: reads the hits on file, on a connection of its own only when there is a match. */
    public Screening dryRun(Jdbi jdbi, RuleSet ruleSet, OfficerRecord record, Instant now) {
        return screen(match(ruleSet, record), record, now, true,
                work -> jdbi.withExtension(ScreeningHitDao.class, work::apply));
    }

    /**
     * The matching alone, against the lists in force now: no database, so it can run before the
     * transaction that stores the record ({@link #onFile} then completes it).
     */
    public Matched match(RuleSet ruleSet, OfficerRecord record) {
        if (ruleSet.screeningPolicy().isEmpty()) {
            return Matched.NOT_SCREENED; // a rule set from before screening (policy v1.2)
        }
        List<WatchlistIndex> inForce = lists.current();
        List<Screening.ListVersion> versions = inForce.stream()
                .map(l -> new Screening.ListVersion(l.list(), l.version())).toList();
        return new Matched(true, versions,
                Screener.screen(inForce, record, ruleSet.screeningPolicy().get()));
    }

    /** The screening of a record {@link #match matched} before, its new hits stored in {@code h}'s transaction. */
    public Screening onFile(Handle h, Matched matched, OfficerRecord record, Instant now) {
        return screen(matched, record, now, false, work -> work.apply(h.attach(ScreeningHitDao.class)));
    }

    /**
     * What matching found: whether the rule set screens at all, the list versions in force, and the
     * possible matches. Without matches (most records) the screening is complete without the hits on
     * file: {@link #complete()}.
     */
    public record Matched(boolean screens, List<Screening.ListVersion> versions, List<Screener.Found> found) {
        static final Matched NOT_SCREENED = new Matched(false, List.of(), List.of());

        /** True when the screening needs nothing from the database: no screening, or no possible match. */
        public boolean complete() {
            return !screens || found.isEmpty();
        }

        /** The screening when {@link #complete()}: null for a rule set that does not screen. */
        public Screening withoutHits() {
            if (!complete()) {
                throw new IllegalStateException("possible matches need the hits on file");
            }
            return screens ? new Screening(versions, List.of()) : null;
        }
    }

    private static Screening screen(Matched matched, OfficerRecord record, Instant now, boolean dryRun,
                                    Function<Function<ScreeningHitDao, List<Screening.Hit>>, List<Screening.Hit>> withHits) {
        if (matched.complete()) {
            return matched.withoutHits(); // most records: nothing to look up or store
        }
        return new Screening(matched.versions(),
                List.copyOf(withHits.apply(dao -> onFile(dao, matched.found(), record, now, dryRun))));
    }

    private static List<Screening.Hit> onFile(ScreeningHitDao dao, List<Screener.Found> found, OfficerRecord record,
                                              Instant now, boolean dryRun) {
        List<Screening.Hit> hits = new ArrayList<>();
        for (Screener.Found f : found) {
            String contentHash = f.match().entry().contentHash();
            String pair = pairKey(record.officerId(), f.subject().key(), f.subject().name(), f.list(),
                    f.match().entry().id(), contentHash);
            BigDecimal score = BigDecimal.valueOf(f.match().score()).setScale(4, RoundingMode.HALF_UP);
            Optional<ScreeningHitDao.HitRow> onFile = dao.byPair(pair);
            String hitId = onFile.map(ScreeningHitDao.HitRow::hitId).orElse(null);
            String status = onFile.map(ScreeningHitDao.HitRow::status).orElse(HitStatus.OPEN).name();
            if (onFile.isEmpty() && !dryRun) {
                hitId = Ids.next();
                dao.insert(new ScreeningHitDao.HitRow(hitId, pair, record.officerId(), f.subject().key(),
                        f.subject().name(), f.list(), f.listVersion(), f.match().entry().id(), contentHash,
                        f.match().matchedName(), score, Json.write(f.match().matchedParts()), HitStatus.OPEN, now, now));
            }
            hits.add(new Screening.Hit(hitId, f.subject().key(), f.subject().name(), f.list(), f.listVersion(),
                    f.match().entry().id(), f.match().matchedName(), score, f.match().matchedParts(), status));
        }
        return hits;
    }

    /** One (officer's subject under its name, list entry as it stands) pair. */
    public static String pairKey(String officerId, String subject, String subjectName, String list, String entryId,
                          String contentHash) {
        return Sha256.hex(String.join("\u001f", officerId, subject, PersonName.fold(subjectName), list, entryId,
                contentHash));
    }
}
