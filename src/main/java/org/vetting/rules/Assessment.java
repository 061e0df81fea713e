package org.vetting.rules;

import java.time.LocalDate;

/** Fact: who is assessed, for which date D ({@code asOf}, docs/policy.md "OUTCOME", terms). */
public record Assessment(String officerId, LocalDate serviceStartDate, LocalDate asOf) {}
