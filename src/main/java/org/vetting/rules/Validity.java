package org.vetting.rules;

import java.time.LocalDate;

/**
 * How long a clearance holds, as the outcome rules compute it: its last valid day, and the day
 * from which re-vetting is due (the unit's notice before that).
 */
public record Validity(LocalDate until, LocalDate revettingFrom) {}
