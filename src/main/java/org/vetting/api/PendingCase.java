package org.vetting.api;

import java.time.Instant;

/**
 * A case in the adjudicators' queue: the evaluation waiting for a decision, its clearance status,
 * and for a waiver awaiting its second approval, who gave the first.
 */
public record PendingCase(String evaluationId, String officerId, String givenName, String familyName, String unit,
                          String status, String outcome, Instant evaluatedAt, String firstApprovalBy) {}
