package org.vetting.http;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import org.vetting.common.Identifiers;
import org.vetting.errors.ValidationFailed;

/**
 * The parameters of a request, checked once the caller is known and allowed, before any resource
 * reads, stores or logs by them: every identifier in a path (an officer id, a user name, a list, a
 * version, an evaluation, a hit, a factor, a unit) by its one rule ({@link Identifiers}), and every
 * query parameter free of control characters (a NUL, a line break that would forge a log line — and
 * which PostgreSQL refuses in text). One that breaks its rule is a 422 naming the parameter, and the
 * refusal is access-logged like any answer, its path cut and made safe.
 */
@Priority(Priorities.AUTHORIZATION + 10)
public final class RequestParameters implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> q : request.getUriInfo().getQueryParameters(true).entrySet()) {
            for (String value : q.getValue()) {
                if (value.chars().anyMatch(Character::isISOControl)) {
                    throw ValidationFailed.of(q.getKey(), "no control characters");
                }
            }
        }
        MultivaluedMap<String, String> params = request.getUriInfo().getPathParameters(true);
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            for (String value : p.getValue()) {
                if ("officerId".equals(p.getKey())) {
                    AccessLogFilter.officer(request, value); // recorded made safe; refused when it is none
                } else if (!Identifiers.isIdentifier(p.getKey(), value)) {
                    throw ValidationFailed.of(p.getKey(), Identifiers.rule(p.getKey()));
                }
            }
        }
    }
}
