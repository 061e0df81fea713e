package org.vetting.api;

import java.util.List;

/**
 * Body of {@code POST /api/users}: every user but an ADMIN is bound to countries. {@code serviceAccount}:
 * a program (VETTING_OFFICER or AUDITOR only), which keeps HTTP Basic and waits for a second administrator.
 */
public record NewUser(String username, String password, List<String> roles, List<String> units, List<String> countries,
                      String officerId, Boolean serviceAccount) {
    public NewUser {
        roles = roles == null ? List.of() : roles;
        units = units == null ? List.of() : units;
        countries = countries == null ? List.of() : countries;
        serviceAccount = Boolean.TRUE.equals(serviceAccount);
    }

    public NewUser(String username, String password, List<String> roles, List<String> units, List<String> countries,
                   String officerId) {
        this(username, password, roles, units, countries, officerId, false);
    }
}
