package org.vetting.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vetting.rules.ScreeningPolicy;

/**
 * A list version's entries by retrieval key, so that screening a subject scores a handful of
 * candidates, never the whole list. A person's names are filed under the Beider-Morse keys (Spanish)
 * and the first four letters of each family-name token — both, so swapped family names are found; an
 * organisation's under the first four letters of each significant word. Weak aliases are not filed:
 * they never match alone, they only corroborate a match.
 */
public final class WatchlistIndex {
    /** The name score of a candidate before qualifiers: below this it is not worth qualifying. */
    private static final double QUALIFY_FROM = 0.70;
    /** A name score this high is the same name (accents, case, particles and order aside). */
    static final double IDENTICAL = 0.995;

    private final String list;
    private final int version;
    private final List<WatchlistEntry> entries;
    private final List<List<ScreenedName>> names = new ArrayList<>();
    private final Map<String, List<Integer>> byKey = new HashMap<>();

    public WatchlistIndex(String list, int version, List<WatchlistEntry> entries) {
        this.list = list;
        this.version = version;
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            List<ScreenedName> screened = this.entries.get(i).screenedNames();
            names.add(screened);
            Set<String> keys = new LinkedHashSet<>();
            for (ScreenedName name : screened) {
                keys.addAll(keys(name));
            }
            for (String key : keys) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
    }

    public String list() {
        return list;
    }

    public int version() {
        return version;
    }

    public int size() {
        return entries.size();
    }

    /** The entries that match {@code subject} with a score of at least the policy's threshold, best first. */
    public List<Match> screen(Subject subject, ScreeningPolicy policy) {
        List<Match> matches = new ArrayList<>();
        for (int i : candidateIndexes(subject.screened())) {
            Match m = match(subject, entries.get(i), names.get(i), policy);
            if (m != null && m.score() >= policy.threshold()) {
                matches.add(m);
            }
        }
        matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.entry().id()));
        return matches;
    }

    /** How many entries a subject would be scored against (for measuring the index). */
    public int candidates(Subject subject) {
        return candidateIndexes(subject.screened()).size();
    }

    private Set<Integer> candidateIndexes(ScreenedName subject) {
        Set<Integer> candidates = new LinkedHashSet<>();
        for (String key : keys(subject)) {
            candidates.addAll(byKey.getOrDefault(key, List.of()));
        }
        return candidates;
    }

    /** The best of the entry's names against the subject, qualified; null when no name compares. */
    static Match match(Subject subject, WatchlistEntry entry, List<ScreenedName> entryNames, ScreeningPolicy policy) {
        double best = -1;
        String bestName = null;
        List<String> bestParts = List.of();
        for (ScreenedName name : entryNames) {
            if (entry.kind() == WatchlistEntry.Kind.ORGANIZATION) {
                if (subject.screened().organisation() == null) {
                    continue; // an officer is a person
                }
                double s = OrganisationName.score(subject.screened().organisation(), name.organisation(), policy);
                if (s > best) {
                    best = s;
                    bestName = name.text();
                    bestParts = List.of("organisation name");
                }
            } else {
                for (PersonName a : subject.screened().readings()) {
                    for (PersonName b : name.readings()) {
                        NameMatcher.Comparison c = NameMatcher.compare(a, b);
                        if (c.score() > best) {
                            best = c.score();
                            bestName = name.text();
                            bestParts = c.matchedParts();
                        }
                    }
                }
            }
        }
        if (bestName == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(bestParts);
        boolean identical = best >= IDENTICAL;
        double score = best < QUALIFY_FROM ? best : Qualifiers.apply(best, identical, subject, entry, parts, policy);
        return new Match(entry, bestName, Math.round(score * 10_000) / 10_000.0, List.copyOf(parts));
    }

    private static Set<String> keys(ScreenedName name) {
        Set<String> keys = new LinkedHashSet<>();
        for (PersonName reading : name.readings()) {
            for (String token : new String[] {reading.paterno(), reading.materno()}) {
                if (token == null || token.isEmpty()) {
                    continue;
                }
                keys.add("p:" + token.substring(0, Math.min(4, token.length())));
                for (String bm : NameMatcher.keys(token)) {
                    keys.add("bm:" + bm);
                }
            }
        }
        if (name.organisation() != null) {
            for (String token : name.organisation()) {
                if (token.length() >= 3) {
                    keys.add("o:" + token.substring(0, Math.min(4, token.length())));
                }
            }
        }
        return keys;
    }
}
