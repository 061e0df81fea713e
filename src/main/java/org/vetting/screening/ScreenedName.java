package org.vetting.screening;

import java.util.ArrayList;
import java.util.List;

/**
 * A name as screening compares it: its text, the ways it can be read as a person's name (a name
 * written as free text, {@code Juan Pérez López}, may have one or two given names and one or two
 * family names; {@code PÉREZ LÓPEZ, Juan} says which is which) and, for an organisation, its
 * significant words.
 */
record ScreenedName(String text, List<PersonName> readings, List<String> organisation) {

    static ScreenedName person(String text) {
        return new ScreenedName(text, readings(text), null);
    }

    static ScreenedName organisation(String text) {
        return new ScreenedName(text, List.of(), OrganisationName.tokens(text));
    }

    /** A free-text name of either kind: both readings are tried. */
    static ScreenedName either(String text) {
        return new ScreenedName(text, readings(text), OrganisationName.tokens(text));
    }

    /** The readings of a person's name: {@code FAMILY, Given} as written, free text every plausible way. */
    static List<PersonName> readings(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        int comma = text.indexOf(',');
        if (comma >= 0) {
            return List.of(PersonName.of(text.substring(comma + 1), text.substring(0, comma)));
        }
        List<String> t = PersonName.tokens(text);
        List<PersonName> out = new ArrayList<>();
        int n = t.size();
        if (n == 0) {
            return out;
        }
        if (n == 1) {
            out.add(new PersonName(List.of(), t.get(0), null));
        } else if (n == 2) {
            out.add(new PersonName(List.of(t.get(0)), t.get(1), null));
        } else {
            // two family names after the given ones, or one
            out.add(new PersonName(List.copyOf(t.subList(0, n - 2)), t.get(n - 2), t.get(n - 1)));
            out.add(new PersonName(List.copyOf(t.subList(0, n - 1)), t.get(n - 1), null));
        }
        return out;
    }
}
