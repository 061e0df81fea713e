package org.vetting.screening;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.codec.language.bm.Languages;
import org.apache.commons.codec.language.bm.NameType;
import org.apache.commons.codec.language.bm.PhoneticEngine;
import org.apache.commons.codec.language.bm.RuleType;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * How alike two people's names are, in [0, 1]: token Jaro-Winkler per name part, the family names
 * weighing most, a small cost when one side lacks the materno, swapped family names allowed at a
 * small cost, phonetic agreement (Beider-Morse, Spanish rules) lifting a family name that is spelt
 * differently but sounds the same. Whether a score is a hit is the rule set's threshold, not this.
 */
public final class NameMatcher {
    static final double PATERNO = 0.45;
    static final double MATERNO = 0.15;
    static final double GIVEN = 0.40;
    /** What a materno known on one side only counts for, out of 1. */
    static final double MISSING_MATERNO = 0.75;
    static final double SWAPPED = 0.95;
    /**
     * Below these, the family names (or the given names) are different people's, however alike the
     * rest: the score is held under any sensible threshold.
     */
    static final double FAMILY_GATE = 0.88;
    static final double GIVEN_GATE = 0.85;
    /** A materno known on both sides must agree this well (a typo or a phonetic variant does). */
    static final double MATERNO_GATE = 0.85;
    static final double GATED = 0.75;
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    private static final PhoneticEngine BEIDER_MORSE = new PhoneticEngine(NameType.GENERIC, RuleType.APPROX, true);
    private static final Languages.LanguageSet SPANISH = Languages.LanguageSet.from(Set.of("spanish"));

    private NameMatcher() {}

    public static double score(PersonName a, PersonName b) {
        return compare(a, b).score();
    }

    /** A score with the name parts that agree (each at least {@link #PART_AGREES}): for explanations. */
    public record Comparison(double score, List<String> matchedParts) {}

    /** A part agrees when its spelling or sound is this close. */
    static final double PART_AGREES = 0.85;

    public static Comparison compare(PersonName a, PersonName b) {
        double paterno = family(a.paterno(), b.paterno());
        double maternoScore = materno(a, b);
        double straight = paterno * PATERNO + maternoScore * MATERNO;
        double crossPaterno = a.hasMaterno() && b.hasMaterno() ? family(a.paterno(), b.materno()) : 0;
        double crossMaterno = a.hasMaterno() && b.hasMaterno() ? family(a.materno(), b.paterno()) : 0;
        double swapped = crossPaterno * PATERNO + crossMaterno * MATERNO;
        boolean swappedWins = swapped * SWAPPED > straight;
        double familyPart = swappedWins ? swapped * SWAPPED : straight;
        double given = given(a.given(), b.given());
        double total = familyPart + given * GIVEN;
        List<String> parts = new ArrayList<>();
        if (given >= PART_AGREES) {
            parts.add("given");
        }
        if ((swappedWins ? crossPaterno : paterno) >= PART_AGREES) {
            parts.add(swappedWins ? "paterno (swapped)" : "paterno");
        }
        boolean bothMaterno = a.hasMaterno() && b.hasMaterno();
        if (bothMaterno && (swappedWins ? crossMaterno : maternoScore) >= PART_AGREES) {
            parts.add(swappedWins ? "materno (swapped)" : "materno");
        }
        // two maternos known on both sides and unlike: different mothers, different people
        boolean maternoDiffers = bothMaterno && (swappedWins ? crossMaterno : maternoScore) < MATERNO_GATE;
        if ((swappedWins ? crossPaterno : paterno) < FAMILY_GATE || given < GIVEN_GATE || maternoDiffers) {
            total = Math.min(total, GATED);
        }
        return new Comparison(total, List.copyOf(parts));
    }

    private static double materno(PersonName a, PersonName b) {
        if (a.hasMaterno() && b.hasMaterno()) {
            return family(a.materno(), b.materno());
        }
        return a.hasMaterno() || b.hasMaterno() ? MISSING_MATERNO : 1.0;
    }

    /** A family name: spelling, or sound when the spelling differs but the Spanish sounds agree. */
    static double family(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double spelt = JW.apply(a, b);
        if (spelt >= 0.97) {
            return spelt;
        }
        return soundsAlike(a, b) ? Math.max(spelt, 0.93) : spelt;
    }

    /**
     * Given names: the first against the best of the other side's first two (a dropped or swapped
     * second name costs nothing), and a second given name present on both sides counts too.
     */
    static double given(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.5;
        }
        double first = Math.max(token(a.get(0), b.get(0)), 0.95 * Math.max(b.size() > 1 ? token(a.get(0), b.get(1)) : 0,
                a.size() > 1 ? token(a.get(1), b.get(0)) : 0));
        if (a.size() > 1 && b.size() > 1) {
            return 0.8 * first + 0.2 * token(a.get(1), b.get(1));
        }
        return first;
    }

    private static double token(String a, String b) {
        double spelt = JW.apply(a, b);
        return spelt < 0.97 && soundsAlike(a, b) ? Math.max(spelt, 0.93) : spelt;
    }

    /** Whether two tokens share a Beider-Morse (Spanish, approximate) phonetic key. */
    static boolean soundsAlike(String a, String b) {
        Set<String> ka = keys(a);
        for (String k : keys(b)) {
            if (ka.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** The Beider-Morse keys of a token (Spanish rules, approximate); encoding is costly, so remembered. */
    public static Set<String> keys(String token) {
        return KEYS.get(token, NameMatcher::encode);
    }

    private static final Cache<String, Set<String>> KEYS =
            Caffeine.newBuilder().maximumSize(200_000).build();

    private static Set<String> encode(String token) {
        Set<String> keys = new TreeSet<>();
        for (String k : BEIDER_MORSE.encode(token, SPANISH).split("\\|")) {
            if (!k.isBlank()) {
                keys.add(k.replace("(", "").replace(")", ""));
            }
        }
        return keys;
    }
}
