package org.vetting.screening;

import java.util.List;

import org.vetting.rules.ScreeningPolicy;

/**
 * What a list entry's birth date and nationality do to a name's score (docs/screening.md, "Matching": "a differing
 * birth date or nationality lowers the score"). Agreement adds a little and is named in the
 * explanation; a difference costs more the further apart; an unknown on either side changes nothing.
 * Weak aliases corroborate a match found by a name, never make one. Under a rule set with birth-date
 * numbers (v1.3), full dates on both sides that differ follow {@link ScreeningPolicy.BirthDates}.
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

    /**
     * The name's score qualified; {@code identical}: the names are the same (accents, case and order
     * aside); the rule set's {@code policy} says what full birth dates that differ do.
     */
    static double apply(double score, boolean identical, Subject subject, WatchlistEntry entry, List<String> parts,
                        ScreeningPolicy policy) {
        double s = score;
        double cap = 1;
        String a = subject.birthDate();
        String b = entry.birthDate();
        if (policy.birthDates() != null && full(a) && full(b) && !a.equals(b)) {
            if (typingError(a, b)) {
                parts.add("birth date (a typing error apart)");
                s -= policy.birthDates().typingErrorPenalty();
            } else if (identical) {
                double shown = policy.birthDates().identicalNameOtherDate();
                cap = shown == 0 ? policy.birthDates().otherDateCap() : shown;
            } else {
                cap = policy.birthDates().otherDateCap();
            }
        } else {
            s += birthDate(a, b, parts);
        }
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
        return Math.max(0, Math.min(cap, Math.min(1, s)));
    }

    /** A birth date known to the day: {@code YYYY-MM-DD}. */
    static boolean full(String date) {
        return date != null && date.length() == 10;
    }

    /**
     * Two full dates a typing error apart: day and month swapped, one digit of the day or of the
     * month different (the rest equal), or the year off by one (the day and month equal).
     */
    static boolean typingError(String a, String b) {
        String ya = a.substring(0, 4);
        String yb = b.substring(0, 4);
        String ma = a.substring(5, 7);
        String mb = b.substring(5, 7);
        String da = a.substring(8, 10);
        String db = b.substring(8, 10);
        if (ya.equals(yb)) {
            boolean swapped = ma.equals(db) && da.equals(mb);
            return swapped || ma.equals(mb) && oneDigit(da, db) || da.equals(db) && oneDigit(ma, mb);
        }
        return ma.equals(mb) && da.equals(db) && Math.abs(Integer.parseInt(ya) - Integer.parseInt(yb)) == 1;
    }

    private static boolean oneDigit(String a, String b) {
        return (a.charAt(0) == b.charAt(0)) != (a.charAt(1) == b.charAt(1));
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
