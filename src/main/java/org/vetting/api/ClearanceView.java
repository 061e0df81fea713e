package org.vetting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A clearance as commanders see it: status, validity, conditions and whether re-vetting is due —
 * never flags, evidence, record contents or categories.
 */
public record ClearanceView(String officerId, String officerName, String unit, String status, LocalDate validUntil,
                            List<String> conditions, boolean revettingDue, Instant updatedAt) {}
