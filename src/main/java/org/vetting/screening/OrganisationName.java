package org.vetting.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How alike two organisations' names are, in [0, 1]: their significant words (accents, case, legal
 * forms such as {@code S.A. de C.V.} and particles left out), each word of one matched to the most
 * alike word of the other by Jaro-Winkler, weighted by length, the weaker direction counting — so a
 * name that adds or lacks a word scores lower.
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

    static double score(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return Math.min(covered(a, b), covered(b, a));
    }

    private static double covered(List<String> from, List<String> to) {
        double sum = 0;
        double weight = 0;
        for (String t : from) {
            double best = 0;
            for (String u : to) {
                best = Math.max(best, JW.apply(t, u));
            }
            sum += best * t.length();
            weight += t.length();
        }
        return sum / weight;
    }
}
