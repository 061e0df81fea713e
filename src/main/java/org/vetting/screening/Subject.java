package org.vetting.screening;

import java.util.List;

/**
 * Who is screened: the officer ({@code OFFICER}, a person whose name parts are known) or a named
 * association of their record ({@code ASSOCIATION:<id>}, a person or an organisation named in free
 * text), with the qualifiers the record gives: birth date ({@code YYYY-MM-DD}) and country (ISO code).
 */
public record Subject(String key, String name, ScreenedName screened, String birthDate, String country) {
    public static final String OFFICER = "OFFICER";
    public static final String ASSOCIATION = "ASSOCIATION:";

    public static Subject officer(String givenName, String familyName, String birthDate, String country) {
        String name = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
        return new Subject(OFFICER, name, new ScreenedName(name, List.of(PersonName.of(givenName, familyName)), null),
                birthDate, country);
    }

    public static Subject association(String id, String name, String birthDate) {
        return new Subject(ASSOCIATION + id, name, ScreenedName.either(name), birthDate, null);
    }

    public boolean isOfficer() {
        return OFFICER.equals(key);
    }
}
