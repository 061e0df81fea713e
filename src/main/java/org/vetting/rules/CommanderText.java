package org.vetting.rules;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.vetting.api.CrimeCategory;
import org.vetting.api.MisconductCategory;
import org.vetting.api.ViolationCategory;

/**
 * Commanders see the duty, never the finding: a condition's commander text says what the officer
 * must or may not do and names no flag code, rule category or record category ("No access to seized
 * assets or evidence custody", not "…until the corruption investigation closes"). The loader refuses
 * a rule whose condition names one; adjudicators' commander texts are checked the same way.
 */
public final class CommanderText {
    private CommanderText() {}

    /** The words a commander text must not contain: every code and category of the set, and the record categories. */
    static Set<String> findingTerms(Collection<RuleInfo> rules) {
        Set<String> terms = new TreeSet<>();
        rules.forEach(r -> {
            terms.add(words(r.category()));
            if (r.code() != null) {
                terms.add(words(r.code()));
            }
        });
        Stream.of(CrimeCategory.values(), MisconductCategory.values(), ViolationCategory.values())
                .flatMap(Arrays::stream).map(Enum::name).filter(n -> !n.equals("OTHER"))
                .forEach(n -> terms.add(words(n)));
        return terms;
    }

    /** The finding a text names, if it names one. */
    public static Optional<String> namedFinding(String text, Collection<String> terms) {
        String padded = " " + words(text) + " ";
        return terms.stream().filter(term -> padded.contains(" " + term + " ")).findFirst();
    }

    /** Lower-case words separated by single spaces: {@code HUMAN_RIGHTS} and "human-rights" both read "human rights". */
    private static String words(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
