package org.vetting.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.vetting.rules.ScreeningPolicy;

/**
 * How alike two organisations' names are, in [0, 1]: their significant words (accents, case, legal
 * forms such as {@code S.A. de C.V.} and particles left out), each word of one matched to the most
 * alike word of the other by Jaro-Winkler, weighted by length, the weaker direction counting — so a
 * name that adds or lacks a word scores lower — and generic words weighing little (the rule set's).
 */
final class OrganisationName {
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    static final Set<String> LEGAL_FORMS = Set.of("sa", "s", "a", "cv", "c", "v", "rl", "srl", "sapi", "sab", "sc",
            "ac", "llc", "inc", "ltd", "corp", "co", "company", "sociedad", "anonima", "capital", "variable",
            "responsabilidad", "limitada", "the");

    private OrganisationName() {}

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String t : PersonName.tokens(text)) {
            if (!LEGAL_FORMS.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Below this a name's distinctive words are another organisation's, whatever its generic words share. */
    static final double DISTINCTIVE_GATE = 0.85;
    /** Where such a match is held: under any threshold a rule set may set (from 0.80). */
    static final double GATED = 0.75;

    /**
     * The score of two names' significant words: each word weighed by its length, a generic word
     * (the rule set's {@code screeningGenericWords}: Grupo, Comercializadora, Servicios…) by its
     * length times {@code screeningGenericWordWeight}; and when both names have distinctive words
     * that do not agree ({@link #DISTINCTIVE_GATE}), the match is held at {@link #GATED}: generic words
     * alone never make a possible match.
     */
    static double score(List<String> a, List<String> b, ScreeningPolicy policy) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double score = Math.min(covered(a, b, policy), covered(b, a, policy));
        List<String> da = distinctive(a, policy);
        List<String> db = distinctive(b, policy);
        if (!da.isEmpty() && !db.isEmpty()
                && Math.min(covered(da, db, null), covered(db, da, null)) < DISTINCTIVE_GATE) {
            score = Math.min(score, Math.min(GATED, policy.threshold() - 0.01));
        }
        return score;
    }

    private static List<String> distinctive(List<String> words, ScreeningPolicy policy) {
        return words.stream().filter(w -> !policy.generic(w)).toList();
    }

    /** How well {@code from}'s words are found in {@code to}, weighted; {@code policy} null: every word alike. */
    private static double covered(List<String> from, List<String> to, ScreeningPolicy policy) {
        double sum = 0;
        double weight = 0;
        for (String t : from) {
            double best = 0;
            for (String u : to) {
                best = Math.max(best, JW.apply(t, u));
            }
            double w = t.length() * (policy != null && policy.generic(t) ? policy.genericWordWeight() : 1.0);
            sum += best * w;
            weight += w;
        }
        return weight == 0 ? 0 : sum / weight;
    }
}
