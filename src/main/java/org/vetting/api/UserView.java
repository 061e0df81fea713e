package org.vetting.api;

import java.time.Instant;
import java.util.List;

/**
 * A user as the API shows it, never the password hash: the roles in effect, units, countries, and
 * what waits for a second administrator ({@code pendingRoles}, {@code pendingEnable},
 * {@code pendingFactorReset}). {@code status} is ACTIVE, DISABLED or PENDING_APPROVAL (something waits).
 */
public record UserView(String username, String status, List<Role> roles, List<String> units, List<String> countries,
                       String officerId, boolean enabled, List<Role> pendingRoles, boolean pendingEnable,
                       boolean pendingFactorReset, String requestedBy, Instant createdAt, boolean serviceAccount) {}
