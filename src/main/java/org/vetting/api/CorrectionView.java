package org.vetting.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A correction: PENDING until a second person decides it (APPROVED or REJECTED). {@code replace}
 * holds the replacing records under the record's list keys.
 */
public record CorrectionView(String correctionId, String officerId, CorrectionStatus status, String proposedBy, String reasons,
                             List<String> remove, Map<String, List<Object>> replace, Instant createdAt,
                             String decidedBy, Instant decidedAt, String decisionReasons) {}
