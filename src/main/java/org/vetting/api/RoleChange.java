package org.vetting.api;

import java.util.List;

/** Body of {@code POST /api/users/{username}/roles}: the user's roles, units and countries from now on. */
public record RoleChange(List<String> roles, List<String> units, List<String> countries) {
    public RoleChange {
        roles = roles == null ? List.of() : roles;
        units = units == null ? List.of() : units;
        countries = countries == null ? List.of() : countries;
    }
}
