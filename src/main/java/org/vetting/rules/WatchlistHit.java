package org.vetting.rules;

import java.math.BigDecimal;

/**
 * A fact for the rules (docs/screening.md): one possible match of the officer ({@code subject}
 * {@code OFFICER}) or of a named association ({@code ASSOCIATION:<id>}) to a list entry, with its
 * score and its review status ({@code OPEN}, {@code DISMISSAL_PENDING}, {@code CONFIRMED},
 * {@code DISMISSED}). Java finds and scores candidates; the rules decide what a hit means.
 */
public record WatchlistHit(String hitId, String subject, String list, String entryId, BigDecimal score, String status) {
    public static final String OFFICER = "OFFICER";

    public boolean officer() {
        return OFFICER.equals(subject);
    }
}
