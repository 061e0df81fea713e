package org.vetting.resources;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.health.Liveness;

/** Liveness for load balancers: up when the database answers and rules are serving. No details. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private final Liveness liveness;

    public HealthResource(Liveness liveness) {
        this.liveness = liveness;
    }

    /** Deliberately unauthenticated (docs/api.md): no role annotation, so no auth filter applies. */
    @GET
    public Response health() {
        return liveness.up() ? Response.ok(Map.of("status", "UP")).build()
                : Response.status(503).entity(Map.of("status", "DOWN")).build();
    }
}
