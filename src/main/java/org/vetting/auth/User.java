package org.vetting.auth;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

import org.vetting.api.Role;
import org.vetting.db.UserDao;

/** An authenticated caller: roles, the units a COMMANDER is bound to, and the officer they are (if any). */
public record User(String username, Set<Role> roles, Set<String> units, String officerId) implements Principal {
    @Override
    public String getName() {
        return username;
    }

    /** The principal of a stored user: its roles, and the units a commander is bound to. */
    public static User of(UserDao.UserRow row, UserDao dao) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        dao.rolesOf(row.username()).forEach(r -> roles.add(Role.valueOf(r)));
        return new User(row.username(), Set.copyOf(roles), Set.copyOf(dao.unitsOf(row.username())), row.officerId());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A user whose only view of clearances is as a commander: bound to their units. */
    public boolean onlyCommander() {
        return has(Role.COMMANDER) && roles.size() == 1;
    }
}
