package org.vetting.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's name as screening compares it: accents and case folded, punctuation gone, the Spanish
 * particles ({@code de}, {@code del}, {@code de la}, {@code y}…) left out, and its parts tagged —
 * given names, the paternal family name, the maternal one (absent when only one is known).
 */
public record PersonName(List<String> given, String paterno, String materno) {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z ]+");
    static final Set<String> PARTICLES = Set.of("de", "del", "la", "las", "los", "y", "e", "da", "dos", "van", "von",
            "di", "san", "santa");

    /** A name from its given names and its family names (paterno first, then materno, as in Mexico). */
    public static PersonName of(String givenNames, String familyNames) {
        List<String> given = tokens(givenNames);
        List<String> family = tokens(familyNames);
        return new PersonName(given, family.isEmpty() ? "" : family.get(0), family.size() > 1 ? family.get(1) : null);
    }

    /** A name folded as screening compares it (accents, case, punctuation and particles gone), as one text. */
    public static String fold(String text) {
        return String.join(" ", tokens(text));
    }

    /** Folded, particle-free tokens of a text. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String folded = NOT_LETTERS.matcher(MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("").toLowerCase(Locale.ROOT).replace('-', ' ')).replaceAll(" ");
        for (String t : folded.trim().split("\\s+")) {
            if (!t.isEmpty() && !PARTICLES.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    public boolean hasMaterno() {
        return materno != null && !materno.isEmpty();
    }
}
