package org.vetting.auth;

import java.security.Principal;
import java.util.Set;

import org.vetting.api.Role;

/** An authenticated caller: roles, the units a COMMANDER is bound to, and the officer they are (if any). */
public record User(String username, Set<Role> roles, Set<String> units, String officerId) implements Principal {
    @Override
    public String getName() {
        return username;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
