package org.vetting.users;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Handle;
import org.vetting.api.Role;
import org.vetting.api.UserView;
import org.vetting.auth.User;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.common.Json;
import org.vetting.db.UserDao;

/** A user as the service shows and audits them: the view with what waits for a second administrator. */
final class UserEntries {
    private static final TypeReference<List<Role>> ROLES = new TypeReference<>() {};

    private UserEntries() {}

    /** A change of a user: whose, which, by whom, when. */
    record Change(String username, String change, String actor, Instant at) {}

    /** A USER entry: a snapshot of the user after the change (user rows change later), and what changed. */
    static void audit(Handle h, Change c, Map<String, Object> extra) {
        String username = c.username();
        UserDao dao = h.attach(UserDao.class);
        UserView v = view(dao, username);
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("change", c.change());
        content.put("username", username);
        content.put("roles", v.roles().stream().map(Enum::name).toList());
        content.put("units", v.units());
        content.put("countries", v.countries());
        content.put("officerId", v.officerId());
        content.put("enabled", v.enabled());
        content.put("pendingRoles", v.pendingRoles().stream().map(Enum::name).toList());
        content.put("pendingEnable", v.pendingEnable());
        content.putAll(extra);
        AuditChain.append(h, new AuditChain.Pending(EntryType.USER, username, v.officerId(), c.actor(), c.at(),
                Json.write(content)));
    }

    static Set<String> names(Set<Role> roles) {
        Set<String> names = new TreeSet<>();
        roles.forEach(r -> names.add(r.name()));
        return names;
    }

    static UserView view(UserDao dao, String username) {
        return view(dao, dao.find(username).orElseThrow());
    }

    static UserView view(UserDao dao, UserDao.UserRow row) {
        User user = User.of(row, dao);
        var pending = dao.pending(row.username());
        List<Role> pendingRoles = pending.map(p -> Json.read(p.roles(), ROLES)).orElse(List.of());
        boolean pendingEnable = pending.map(UserDao.PendingGrant::enable).orElse(false);
        String status = pending.isPresent() ? "PENDING_APPROVAL" : row.enabled() ? "ACTIVE" : "DISABLED";
        return new UserView(row.username(), status, user.roles().stream().sorted().toList(),
                user.units().stream().sorted().toList(), user.countries().stream().sorted().toList(), row.officerId(),
                row.enabled(), pendingRoles, pendingEnable, pending.map(UserDao.PendingGrant::resetFactors).orElse(false),
                pending.map(UserDao.PendingGrant::requestedBy).orElse(null),
                row.createdAt(), row.serviceAccount());
    }
}
