package org.vetting.resources;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.Jdbi;
import org.vetting.db.HealthDao;

/** Liveness for load balancers: up when the database answers. No details. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private final Jdbi jdbi;

    public HealthResource(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Deliberately unauthenticated (API.md): no role annotation, so no auth filter applies. */
    @GET
    public Response health() {
        try {
            jdbi.useExtension(HealthDao.class, HealthDao::ping);
            return Response.ok(Map.of("status", "UP")).build();
        } catch (RuntimeException e) {
            return Response.status(503).entity(Map.of("status", "DOWN")).build();
        }
    }
}
