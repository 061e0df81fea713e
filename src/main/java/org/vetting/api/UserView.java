package org.vetting.api;

import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password hash. */
public record UserView(String username, List<Role> roles, List<String> units, String officerId, boolean enabled,
                       Instant createdAt) {}
