package org.vetting.screening;

import java.util.ArrayList;
import org.vetting.common.Sha256;
import java.util.List;

/**
 * One entry of a list version, as imported: its id on the list, whether it names a person or an
 * organisation, its primary name (for a person, {@code givenName} and {@code familyName} when the list
 * gives the parts; otherwise the name is read as OFAC writes it, {@code FAMILY, Given}, or as
 * free text), its strong aliases (screened like the name), its weak aliases (never screened alone:
 * they only corroborate a match), and the qualifiers and context the list gives.
 * {@code birthDate} is {@code YYYY} or {@code YYYY-MM-DD}; {@code nationality} ISO 3166 alpha-2 codes.
 */
public record WatchlistEntry(String id, Kind kind, String name, String givenName, String familyName,
                             List<String> aliases, List<String> weakAliases, String birthDate, List<String> nationality,
                             String program, String remarks) {
    public enum Kind { PERSON, ORGANIZATION }

    public WatchlistEntry {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        weakAliases = weakAliases == null ? List.of() : List.copyOf(weakAliases);
        nationality = nationality == null ? List.of() : List.copyOf(nationality);
    }

    /** A person known by a name and strong aliases, without structured parts. */
    public static WatchlistEntry person(String id, String name, List<String> aliases, String birthDate,
                                        List<String> nationality) {
        return new WatchlistEntry(id, Kind.PERSON, name, null, null, aliases, List.of(), birthDate, nationality, null,
                null);
    }

    /**
     * The SHA-256 of everything the entry says: a dismissal holds for an entry until this changes
     * (docs/screening.md, "Review").
     */
    public String contentHash() {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {id, kind, name, givenName, familyName, aliases, weakAliases, birthDate,
                nationality, program, remarks}) {
            canonical.append(field == null ? "\u0000" : field.toString()).append('\u001f');
        }
        return Sha256.hex(canonical.toString());
    }

    /** The names screening compares: the primary name and the strong aliases, each as it may be read. */
    List<ScreenedName> screenedNames() {
        List<ScreenedName> names = new ArrayList<>();
        if (kind == Kind.ORGANIZATION) {
            names.add(ScreenedName.organisation(name));
            aliases.forEach(a -> names.add(ScreenedName.organisation(a)));
        } else {
            names.add(givenName != null || familyName != null
                    ? new ScreenedName(name, List.of(PersonName.of(givenName, familyName)), null)
                    : ScreenedName.person(name));
            aliases.forEach(a -> names.add(ScreenedName.person(a)));
        }
        return names;
    }
}
