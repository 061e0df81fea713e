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
 * Every identifier in a path (an officer id, a user name, a list, a version, an evaluation, a hit, a
 * factor, a unit) checked by its one rule ({@link Identifiers}) once the caller is known and allowed,
 * before any resource reads, stores or logs by it: one that is none — 5,000 characters, a line
 * break that would forge a log line — is a 422 naming the parameter, and the refusal is access-logged
 * like any answer, its path cut and made safe.
 */
@Priority(Priorities.AUTHORIZATION + 10)
public final class PathIdentifiers implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
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
