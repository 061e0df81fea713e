package org.vetting.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
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
    public static final String OPEN = "OPEN";

    private final ActiveWatchlists lists;

    public ScreeningOnFile(ActiveWatchlists lists) {
        this.lists = lists;
    }

    /** The screening of {@code record}, storing new hits in {@code h}'s transaction. */
    public Screening screen(Handle h, RuleSet ruleSet, OfficerRecord record, Instant now) {
        return screen(ruleSet, record, now, false, work -> work.apply(h.attach(ScreeningHitDao.class)));
    }

    /** A dry run's screening: reads the hits on file, on a connection of its own only when there is a match. */
    public Screening dryRun(Jdbi jdbi, RuleSet ruleSet, OfficerRecord record, Instant now) {
        return screen(ruleSet, record, now, true, work -> jdbi.withExtension(ScreeningHitDao.class, work::apply));
    }

    private Screening screen(RuleSet ruleSet, OfficerRecord record, Instant now, boolean dryRun,
                             Function<Function<ScreeningHitDao, List<Screening.Hit>>, List<Screening.Hit>> withHits) {
        if (ruleSet.screeningThreshold().isEmpty()) {
            return null; // a rule set from before screening (policy v1.2)
        }
        List<WatchlistIndex> inForce = lists.current();
        List<Screening.ListVersion> versions = inForce.stream()
                .map(l -> new Screening.ListVersion(l.list(), l.version())).toList();
        List<Screener.Found> found = Screener.screen(inForce, record, ruleSet.screeningThreshold().getAsDouble());
        if (found.isEmpty()) {
            return new Screening(versions, List.of()); // most records: nothing to look up or store
        }
        return new Screening(versions, List.copyOf(withHits.apply(dao -> onFile(dao, found, record, now, dryRun))));
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
            String status = onFile.map(ScreeningHitDao.HitRow::status).orElse(OPEN);
            if (onFile.isEmpty() && !dryRun) {
                hitId = UUID.randomUUID().toString();
                dao.insert(new ScreeningHitDao.HitRow(hitId, pair, record.officerId(), f.subject().key(),
                        f.subject().name(), f.list(), f.listVersion(), f.match().entry().id(), contentHash,
                        f.match().matchedName(), score, Json.write(f.match().matchedParts()), OPEN, now, now));
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
