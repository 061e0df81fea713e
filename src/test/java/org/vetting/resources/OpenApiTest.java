package org.vetting.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.TestApp;

/** {@code GET /api/openapi.json}: parses, lists every resource method with its roles, schemas and errors. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;

    @Test
    void everyEndpointIsDescribed_WithItsRolesAndSchemas() throws Exception {
        JsonNode doc;
        try (Response r = APP.request("/api/openapi.json", null, null).get()) {
            assertThat(r.getStatus()).as("no credentials needed").isEqualTo(200);
            doc = new ObjectMapper().readTree(r.readEntity(String.class));
        }
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> missing = new ArrayList<>();
        for (Class<?> resource : new ClassFileImporter().importPackages("org.vetting.resources").stream()
                .filter(c -> c.isAnnotatedWith(Path.class)).map(JavaClass::reflect).toList()) {
            for (Method m : resource.getDeclaredMethods()) {
                String verb = OpenApiResource.verb(m);
                if (verb == null) {
                    continue;
                }
                String path = OpenApiResource.join(resource.getAnnotation(Path.class).value(),
                        m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "");
                JsonNode op = doc.path("paths").path(path).path(verb.toLowerCase());
                if (op.isMissingNode()) {
                    missing.add(verb + " " + path);
                    continue;
                }
                List<String> roles = new ArrayList<>();
                op.get("x-roles").forEach(x -> roles.add(x.asText()));
                assertThat(roles).as(verb + " " + path).isEqualTo(OpenApiResource.roles(resource, m));
                if (!roles.isEmpty()) {
                    assertThat(op.path("security").toString()).as(verb + " " + path).contains("basic");
                    assertThat(op.path("responses").path("403").path("content").toString()).contains("ErrorBody");
                    assertThat(op.path("responses").path("422").isMissingNode()).isFalse();
                }
            }
        }
        assertThat(missing).as("endpoints missing from the OpenAPI document").isEmpty();

        JsonNode submit = doc.at("/paths/~1candidates/post");
        assertThat(submit.at("/requestBody/content/application~1json/schema/$ref").asText()).endsWith("/OfficerRecord");
        assertThat(doc.at("/paths/~1rulesets/post/x-roles").toString()).isEqualTo("[\"POLICY_OFFICER\"]");
        JsonNode schemas = doc.at("/components/schemas");
        assertThat(schemas.has("ErrorBody")).isTrue();
        assertThat(schemas.has("OfficerRecord")).isTrue();
        assertThat(schemas.at("/OfficerRecord/properties").has("criminalRecords")).isTrue();
        doc.get("paths").forEach(item -> item.forEach(op -> {
            assertThat(op.path("requestBody").toString()).as("the principal is never a request body")
                    .doesNotContain("schemas/User\"");
            assertThat(op.path("parameters").findValuesAsText("name")).doesNotContain("user");
        }));
        assertThat(doc.at("/paths/~1health/get/security").isMissingNode()).isTrue();
    }
}
