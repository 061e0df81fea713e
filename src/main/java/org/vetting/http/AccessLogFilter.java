package org.vetting.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.audit.AccessLog;

/**
 * Writes the access log for every {@link AccessLogged} call, answered or refused (403): a response
 * filter, so it sees the final status. Resources name the officer with {@link #officer}.
 */
@AccessLogged
public class AccessLogFilter implements ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(AccessLogFilter.class);
    private static final String OFFICER = AccessLogFilter.class.getName() + ".officerId";

    private final AccessLog accessLog;

    public AccessLogFilter(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /** Names the officer whose data this request reads. */
    public static void officer(ContainerRequestContext request, String officerId) {
        request.setProperty(OFFICER, officerId);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var principal = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        String username = principal == null ? null : principal.getName();
        String officerId = (String) request.getProperty(OFFICER);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (query != null) {
            path += "?" + query;
        }
        try {
            accessLog.record(username, officerId, request.getMethod(), path, response.getStatus());
        } catch (RuntimeException e) {
            // the read already happened; losing its trace must be loud
            LOG.error("ACCESS LOG WRITE FAILED: {} {} {} by {} -> {}", request.getMethod(), path, officerId, username,
                    response.getStatus(), e);
        }
    }
}
