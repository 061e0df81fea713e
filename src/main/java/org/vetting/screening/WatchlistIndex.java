package org.vetting.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list's entries by retrieval key, so that screening a name scores a handful of candidates, never
 * the whole list: every family-name token of every screened name is filed under its Beider-Morse
 * keys (Spanish) and its first four letters. A name is then looked up by its own family tokens —
 * both of them, so swapped family names are found too.
 */
public final class WatchlistIndex {
    /** A scored candidate: the entry, which of its names matched, and how well. */
    public record Hit(WatchlistEntry entry, PersonName matched, double score) {}

    private final List<WatchlistEntry> entries;
    private final Map<String, List<Integer>> byKey = new HashMap<>();

    public WatchlistIndex(List<WatchlistEntry> entries) {
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            for (PersonName name : this.entries.get(i).names()) {
                for (String key : keys(name)) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
        }
    }

    public int size() {
        return entries.size();
    }

    /** The entries one of whose names scores at least {@code threshold} against {@code subject}, best first. */
    public List<Hit> screen(PersonName subject, double threshold) {
        Set<Integer> candidates = new LinkedHashSet<>();
        for (String key : keys(subject)) {
            candidates.addAll(byKey.getOrDefault(key, List.of()));
        }
        List<Hit> hits = new ArrayList<>();
        for (int i : candidates) {
            WatchlistEntry entry = entries.get(i);
            Hit best = null;
            for (PersonName name : entry.names()) {
                double score = NameMatcher.score(subject, name);
                if (best == null || score > best.score()) {
                    best = new Hit(entry, name, score);
                }
            }
            if (best != null && best.score() >= threshold) {
                hits.add(best);
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits;
    }

    /** How many entries a name would be scored against (for measuring the index). */
    public int candidates(PersonName subject) {
        Set<Integer> candidates = new LinkedHashSet<>();
        for (String key : keys(subject)) {
            candidates.addAll(byKey.getOrDefault(key, List.of()));
        }
        return candidates.size();
    }

    private static Set<String> keys(PersonName name) {
        Set<String> keys = new LinkedHashSet<>();
        for (String token : new String[] {name.paterno(), name.materno()}) {
            if (token == null || token.isEmpty()) {
                continue;
            }
            keys.add("p:" + token.substring(0, Math.min(4, token.length())));
            for (String bm : NameMatcher.keys(token)) {
                keys.add("bm:" + bm);
            }
        }
        return keys;
    }
}
