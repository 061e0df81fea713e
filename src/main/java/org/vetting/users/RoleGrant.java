package org.vetting.users;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.vetting.api.FieldError;
import org.vetting.api.Role;

/**
 * The roles, units and countries asked for a user, checked (an ADMIN holds no other role and no
 * countries; every other role needs countries; a COMMANDER needs units): the privileged part that
 * may wait for a second administrator, and the ordinary part that never does.
 */
record RoleGrant(Set<Role> roles, Set<String> units, Set<String> countries) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    Set<Role> privileged() {
        Set<Role> p = EnumSet.noneOf(Role.class);
        roles.stream().filter(Role::privileged).forEach(p::add);
        return p;
    }

    Set<Role> ordinary() {
        Set<Role> o = EnumSet.noneOf(Role.class);
        roles.stream().filter(r -> !r.privileged()).forEach(o::add);
        return o;
    }

    static RoleGrant of(List<String> roleNames, List<String> unitList, List<String> countryList,
                        Set<String> knownUnits, List<FieldError> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (roleNames.isEmpty()) {
            errors.add(new FieldError("roles", "at least one role"));
        }
        for (int i = 0; i < roleNames.size(); i++) {
            String r = roleNames.get(i);
            try {
                roles.add(Role.valueOf(String.valueOf(r)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("roles[" + i + "]", "unknown role " + r + "; expected one of "
                        + String.join(", ", Arrays.stream(Role.values()).map(Enum::name).toList())));
            }
        }
        if (roles.contains(Role.ADMIN) && roles.size() > 1) {
            errors.add(new FieldError("roles", "an ADMIN holds no other role"));
        }
        Set<String> units = new TreeSet<>();
        for (int i = 0; i < unitList.size(); i++) {
            String u = unitList.get(i);
            if (!knownUnits.contains(u)) {
                errors.add(new FieldError("units[" + i + "]", "unknown unit " + u));
            }
            units.add(u);
        }
        if (roles.contains(Role.COMMANDER) && units.isEmpty()) {
            errors.add(new FieldError("units", "a COMMANDER must be bound to at least one unit"));
        }
        if (!roles.contains(Role.COMMANDER) && !units.isEmpty()) {
            errors.add(new FieldError("units", "only a COMMANDER is bound to units"));
        }
        Set<String> countries = new TreeSet<>();
        for (int i = 0; i < countryList.size(); i++) {
            String c = countryList.get(i);
            if (!COUNTRIES.contains(c)) {
                errors.add(new FieldError("countries[" + i + "]", "not an ISO 3166-1 alpha-2 code: " + c));
            }
            countries.add(c);
        }
        if (roles.contains(Role.ADMIN) && !countries.isEmpty()) {
            errors.add(new FieldError("countries", "an ADMIN is not bound to countries"));
        }
        if (!roles.isEmpty() && !roles.contains(Role.ADMIN) && countries.isEmpty()) {
            errors.add(new FieldError("countries", "required: the countries whose officers this user may see"));
        }
        return new RoleGrant(roles, units, countries);
    }
}
