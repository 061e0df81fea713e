package org.vetting.screening;

import java.util.ArrayList;
import java.util.List;

import org.vetting.api.Association;
import org.vetting.api.OfficerRecord;
import org.vetting.rules.ScreeningPolicy;

/**
 * Screens a record against the lists in force (docs/screening.md, "Who is screened, when, and what it means"): the officer
 * (given and family names, date of birth, country) and every association whose record carries a
 * name (a person or an organisation, with its birth date when given).
 */
public final class Screener {
    /** A possible match of one subject of the record on one list version. */
    public record Found(Subject subject, String list, int listVersion, Match match) {}

    private Screener() {}

    public static List<Subject> subjects(OfficerRecord r) {
        List<Subject> subjects = new ArrayList<>();
        if (r.familyName() != null && !r.familyName().isBlank()) {
            subjects.add(Subject.officer(r.givenName(), r.familyName(),
                    r.dateOfBirth() == null ? null : r.dateOfBirth().toString(), r.country()));
        }
        for (Association a : r.associations()) {
            if (a.name() != null && !a.name().isBlank()) {
                subjects.add(Subject.association(a.id(), a.name(), a.birthDate() == null ? null : a.birthDate().toString()));
            }
        }
        return subjects;
    }

    /** At most this many entries of one list per subject, the best: enough to review, bounded for storage. */
    public static final int PER_SUBJECT_AND_LIST = 10;
    /** At most this many possible matches per record (the officer's first: subjects are in record order). */
    public static final int PER_RECORD = 500;

    /**
     * The matches scoring at least the policy's threshold, by subject (the officer first, then associations in
     * record order), then list, best first; bounded by {@link #PER_SUBJECT_AND_LIST} and {@link #PER_RECORD}.
     */
    public static List<Found> screen(List<WatchlistIndex> lists, OfficerRecord record, ScreeningPolicy policy) {
        List<Found> found = new ArrayList<>();
        for (Subject s : subjects(record)) {
            for (WatchlistIndex list : lists) {
                for (Match m : list.screen(s, policy).stream().limit(PER_SUBJECT_AND_LIST).toList()) {
                    if (found.size() == PER_RECORD) {
                        return found;
                    }
                    found.add(new Found(s, list.list(), list.version(), m));
                }
            }
        }
        return found;
    }
}
