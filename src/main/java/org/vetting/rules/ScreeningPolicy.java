package org.vetting.rules;

import java.util.Set;

/**
 * What the rule set says screening makes of a comparison (policy section 8; {@code units.yml};
 * docs/screening.md "Matching"): the threshold from which a score is a possible match, the generic
 * words of organisations' names and how little they weigh, and what birth dates known in full on
 * both sides do. {@code birthDates} is null for sets before these numbers (v1.2), which score birth
 * dates as they did.
 */
public record ScreeningPolicy(double threshold, Set<String> genericWords, double genericWordWeight,
                              BirthDates birthDates) {
    public ScreeningPolicy {
        genericWords = Set.copyOf(genericWords);
    }

    /**
     * Full birth dates on both sides: a typing error apart (day and month swapped, one digit of the
     * day or month, the year off by one) costs {@code typingErrorPenalty}; further apart, a name that
     * is not identical is held at {@code otherDateCap} (under the threshold), and an identical name
     * at {@code identicalNameOtherDate} — shown to adjudicators when that reaches the threshold, held
     * under it when 0.
     */
    public record BirthDates(double typingErrorPenalty, double otherDateCap, double identicalNameOtherDate) {}

    /** The v1.2 policy of a set that gives only a threshold: no generic words, birth dates as before. */
    public static ScreeningPolicy thresholdOnly(double threshold) {
        return new ScreeningPolicy(threshold, Set.of(), 1.0, null);
    }

    /** The same policy with another threshold (a search that lists weaker matches too). */
    public ScreeningPolicy withThreshold(double other) {
        return new ScreeningPolicy(other, genericWords, genericWordWeight, birthDates);
    }

    /**
     * Whether a folded word of an organisation's name is generic: listed, or the plural of a listed
     * word ({@code financieros}, {@code services}): lists name the singular.
     */
    public boolean generic(String word) {
        return genericWords.contains(word)
                || word.endsWith("s") && genericWords.contains(word.substring(0, word.length() - 1))
                || word.endsWith("es") && genericWords.contains(word.substring(0, word.length() - 2));
    }
}
