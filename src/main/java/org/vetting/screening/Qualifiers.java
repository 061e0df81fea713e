package org.vetting.screening;

import java.util.List;

/**
 * What a list entry's birth date and nationality do to a name's score (docs/screening.md, "Matching": "a differing
 * birth date or nationality lowers the score"). Agreement adds a little and is named in the
 * explanation; a difference costs more the further apart; an unknown on either side changes nothing.
 * Weak aliases corroborate a match found by a name, never make one.
 */
final class Qualifiers {
    static final double SAME_DATE = 0.03;
    static final double SAME_YEAR_ONLY_KNOWN = 0.01;
    static final double SAME_YEAR_OTHER_DAY = -0.05;
    static final double ONE_YEAR_APART = -0.08;
    static final double YEARS_APART = -0.15;
    static final double OTHER_NATIONALITY = -0.05;
    static final double WEAK_ALIAS = 0.02;

    private Qualifiers() {}

    static double apply(double score, Subject subject, WatchlistEntry entry, List<String> parts) {
        double s = score + birthDate(subject.birthDate(), entry.birthDate(), parts);
        if (subject.country() != null && !entry.nationality().isEmpty()) {
            if (entry.nationality().contains(subject.country())) {
                parts.add("nationality");
            } else {
                s += OTHER_NATIONALITY;
            }
        }
        if (subject.screened().readings().size() > 0) {
            for (String weak : entry.weakAliases()) {
                if (corroborates(subject, weak)) {
                    parts.add("weak alias");
                    s += WEAK_ALIAS;
                    break;
                }
            }
        }
        return Math.max(0, Math.min(1, s));
    }

    private static double birthDate(String subject, String entry, List<String> parts) {
        if (subject == null || entry == null || subject.length() < 4 || entry.length() < 4) {
            return 0;
        }
        int years = Math.abs(Integer.parseInt(subject.substring(0, 4)) - Integer.parseInt(entry.substring(0, 4)));
        if (years == 0) {
            if (entry.length() == 4 || subject.length() == 4) {
                parts.add("birth year");
                return SAME_YEAR_ONLY_KNOWN;
            }
            if (entry.equals(subject)) {
                parts.add("birthDate");
                return SAME_DATE;
            }
            return SAME_YEAR_OTHER_DAY;
        }
        return years == 1 ? ONE_YEAR_APART : YEARS_APART;
    }

    /** A weak alias (a nickname, often one word) agrees with one of the subject's name tokens or the whole name. */
    private static boolean corroborates(Subject subject, String weak) {
        List<String> alias = PersonName.tokens(weak);
        if (alias.isEmpty()) {
            return false;
        }
        List<String> name = PersonName.tokens(subject.name());
        return String.join(" ", name).contains(String.join(" ", alias));
    }
}
