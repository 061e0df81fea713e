package org.vetting.api;

import java.time.Instant;
import java.util.List;

/**
 * An adjudication as recorded. {@code stage} is FIRST_APPROVAL (a waiver awaiting its second
 * adjudicator; the clearance is unchanged) or FINAL; {@code clearance} is the clearance after it.
 * {@code conditions} are the commander texts, {@code notes} the file notes beside them (never shown to commanders).
 */
public record AdjudicationView(String adjudicationId, String evaluationId, String officerId, String unit, AdjudicationStage stage,
                               String decision, String reasons, List<String> conditions, List<String> notes,
                               List<String> waived, String adjudicator, Instant at, ClearanceView clearance) {}
