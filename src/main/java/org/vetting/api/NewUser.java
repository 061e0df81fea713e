package org.vetting.api;

import java.util.List;

/** Body of {@code POST /api/users}. */
public record NewUser(String username, String password, List<String> roles, List<String> units, String officerId) {
    public NewUser {
        roles = roles == null ? List.of() : roles;
        units = units == null ? List.of() : units;
    }
}
