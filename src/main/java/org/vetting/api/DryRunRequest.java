package org.vetting.api;

import java.time.LocalDate;

/** Body of {@code POST /api/evaluations/dry-run}: a record and an optional date to evaluate it for. */
public record DryRunRequest(LocalDate asOf, OfficerRecord record) {}
