package org.vetting.api;

import java.util.List;

/** Body of {@code POST /api/users}: every user but an ADMIN is bound to countries. */
public record NewUser(String username, String password, List<String> roles, List<String> units, List<String> countries,
                      String officerId) {
    public NewUser {
        roles = roles == null ? List.of() : roles;
        units = units == null ? List.of() : units;
        countries = countries == null ? List.of() : countries;
    }
}
