package org.vetting.rules;

import java.time.LocalDate;

/** Fact: who is assessed, for which date D ({@code asOf}, POLICY.md section 1). */
public record Assessment(String officerId, LocalDate serviceStartDate, LocalDate asOf) {}
