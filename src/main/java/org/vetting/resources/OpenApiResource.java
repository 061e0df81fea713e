package org.vetting.resources;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.vetting.api.ErrorBody;

/**
 * {@code GET /api/openapi.json}, without credentials: the OpenAPI 3 description of every endpoint,
 * generated once (at the first request) from the resources (swagger-core's JAX-RS reader) with request and response
 * schemas, then completed from their annotations: the roles that may call each operation
 * ({@code x-roles}, and in its description), HTTP Basic where a role is needed, and the error
 * shape ({@link ErrorBody}) of the refusals.
 */
@Path("/openapi.json")
@Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
public class OpenApiResource {
    private final Set<Class<?>> resources;
    private final String version;
    /** Written at the first request, not at start-up (scanning the resources takes about a second). */
    private volatile String document;

    private OpenApiResource(Set<Class<?>> resources, String version) {
        this.resources = Set.copyOf(resources);
        this.version = version;
    }

    /** The resource serving the description of {@code resources} (itself included by the caller). */
    public static OpenApiResource of(Set<Class<?>> resources, String version) {
        return new OpenApiResource(resources, version);
    }

    /** Deliberately unauthenticated, like the health check: it names no officer and no user. */
    @GET
    public String document() {
        String d = document;
        if (d == null) {
            synchronized (this) {
                if (document == null) {
                    document = Json.pretty(describe(resources, version));
                }
                d = document;
            }
        }
        return d;
    }

    static OpenAPI describe(Set<Class<?>> resources, String version) {
        OpenAPI base = new OpenAPI().info(new Info().title("Vetting service").version(version).description(
                        "Vetting of police and security officers for joint US-Mexico units: submissions, adjudication, "
                                + "clearances, audit, policy changes. Every call but the health check and this "
                                + "document needs HTTP Basic credentials; x-roles names who may call each operation."))
                .servers(List.of(new Server().url("/api")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
        Reader reader = new Reader(new SwaggerConfiguration().openAPI(base).readAllResources(true));
        OpenAPI api = reader.read(resources);
        ModelConverters.getInstance().readAll(ErrorBody.class).forEach(api.getComponents()::addSchemas);
        for (Class<?> resource : resources) {
            String root = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                String path = join(root, m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "");
                PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
                Operation op = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(verb));
                if (op != null) {
                    complete(op, roles(resource, m));
                }
            }
        }
        return api;
    }

    /** Roles, security and refusals of one operation. */
    private static void complete(Operation op, List<String> roles) {
        boolean open = roles.isEmpty();
        op.addExtension("x-roles", open ? List.of() : roles);
        String who = open ? "No credentials." : "Roles: " + String.join(", ", roles) + ".";
        op.setDescription(op.getDescription() == null ? who : op.getDescription() + "\n\n" + who);
        if (!open) {
            op.addSecurityItem(new SecurityRequirement().addList("basic"));
            op.getResponses().addApiResponse("401", error("no or wrong credentials"));
            op.getResponses().addApiResponse("403", error("the caller's role may not call this, or the case is "
                    + "their own (separation of duties)"));
            op.getResponses().addApiResponse("404", error("not found, or outside the caller's countries"));
            op.getResponses().addApiResponse("409", error("conflicts with the state on file"));
            op.getResponses().addApiResponse("422", error("a field is missing or invalid: errors name each"));
            op.getResponses().addApiResponse("429", error("too many failed sign-ins: Retry-After says when"));
        }
        if (op.getResponses().get("default") != null && op.getResponses().size() > 1) {
            op.getResponses().remove("default");
        }
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorBody"))));
    }

    /** The roles of a method: its own {@link RolesAllowed}, else its class's; none when open. */
    static List<String> roles(Class<?> resource, Method m) {
        if (m.isAnnotationPresent(PermitAll.class)) {
            return List.of("any signed-in user");
        }
        RolesAllowed allowed = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class)
                : resource.getAnnotation(RolesAllowed.class);
        return allowed == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(List.of(allowed.value())));
    }

    static String verb(Method m) {
        return m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
    }

    /** A resource path and a method path as the OpenAPI document keys them: {@code /a/b}, no double slash. */
    static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
