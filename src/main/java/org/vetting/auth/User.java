package org.vetting.auth;

import java.security.Principal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vetting.api.Role;
import org.vetting.db.UserDao;
import org.vetting.errors.ReauthenticationRequired;

/**
 * An authenticated caller: roles, the units a COMMANDER is bound to, the countries whose officers
 * they may see (every role but ADMIN), and the officer they are (if any: nobody vets themselves).
 * {@code recentSecondFactor}: whether they may sign the second half of a four-eyes step now — a
 * second factor proved within the re-authentication window, or second factors turned off.
 */
public record User(String username, Set<Role> roles, Set<String> units, Set<String> countries, String officerId,
                   boolean mustChangePassword, boolean recentSecondFactor) implements Principal {

    /** A caller inside the process (a command, the demo): it signs nothing over HTTP, and is trusted as such. */
    public User(String username, Set<Role> roles, Set<String> units, Set<String> countries, String officerId,
                boolean mustChangePassword) {
        this(username, roles, units, countries, officerId, mustChangePassword, true);
    }

    @Override
    public String getName() {
        return username;
    }

    /** The same caller, with whether a second factor was proved recently enough. */
    public User withRecentSecondFactor(boolean recent) {
        return new User(username, roles, units, countries, officerId, mustChangePassword, recent);
    }

    /**
     * Before the second signature of a four-eyes step (docs/api.md, "Sign-in"): refused, changing
     * nothing, unless a second factor was proved recently enough.
     */
    public void requireRecentSecondFactor() {
        if (!recentSecondFactor) {
            throw new ReauthenticationRequired();
        }
    }

    /** The principal of a stored user: its roles (approved ones only), units and countries. */
    public static User of(UserDao.UserRow row, UserDao dao) {
        return of(row, dao.grantsOf(row.username()));
    }

    /** The principal of a stored user read with its grants ({@link UserDao#findWithGrants}). */
    public static User of(UserDao.UserRow row, List<UserDao.Grant> grants) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> units = new HashSet<>();
        Set<String> countries = new HashSet<>();
        for (UserDao.Grant g : grants) {
            switch (g.kind()) {
                case "ROLE" -> roles.add(Role.valueOf(g.granted()));
                case "UNIT" -> units.add(g.granted());
                case "COUNTRY" -> countries.add(g.granted());
                default -> throw new IllegalStateException("unknown grant kind " + g.kind());
            }
        }
        return new User(row.username(), Set.copyOf(roles), Set.copyOf(units), Set.copyOf(countries), row.officerId(),
                row.mustChangePassword());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A user whose only view of clearances is as a commander: bound to their units. */
    public boolean onlyCommander() {
        return has(Role.COMMANDER) && roles.size() == 1;
    }

    /** Whether officers of this country are within the user's need to know (an ADMIN sees every country). */
    public boolean sees(String country) {
        return !countryScoped() || (country != null && countries.contains(country));
    }

    /** Whether the user's view of officers is limited to their countries. */
    public boolean countryScoped() {
        return !has(Role.ADMIN) && roles.stream().anyMatch(Role.COUNTRY_SCOPED::contains);
    }

    /** Whether this user is the officer (nobody vets themselves). */
    public boolean is(String officer) {
        return officerId != null && officerId.equals(officer);
    }
}
