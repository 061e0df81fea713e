package org.vetting.api;

import java.time.Instant;
import java.time.LocalDate;

/** One evaluation in an officer's history, without flags: what a case page lists. */
public record EvaluationSummary(String evaluationId, String unit, String outcome, LocalDate asOf, LocalDate validUntil,
                                Instant evaluatedAt, String evaluatedBy) {}
