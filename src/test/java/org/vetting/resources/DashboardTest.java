package org.vetting.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/** The start pages' numbers: within the role's units or countries, counts only. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DashboardTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void data() {
        APP.createStaff();
        APP.createUser("cmd.arms", "COMMANDER", "JU-ARMS");
        try (Response r = APP.as("admin", "/api/users").post(Entity.json(Map.of("username", "adj.us", "password",
                TestApp.PASSWORD, "roles", List.of("ADJUDICATOR"), "countries", List.of("US"))))) {
            assertThat(r.getStatus()).isEqualTo(201);
        }
        APP.post("hr.lopez", "/api/candidates", Records.clean("MX-DASH-1")).close();
        Map<String, Object> referred = Records.clean("MX-DASH-2");
        Records.list(referred, "criminalRecords").add(Map.of("id", "c1", "category", "THEFT", "status", "CHARGED",
                "date", "2026-01-01"));
        APP.post("hr.lopez", "/api/candidates", referred).close();
    }

    @Test
    void aCommanderCountsTheirUnitsOnly_AndSeesExpiriesByMonth() {
        JsonNode fent = APP.as("cmd.fent", "/api/dashboard/commander").get(JsonNode.class);
        assertThat(fent.toString()).contains("\"ACTIVE\"").contains("PENDING_ADJUDICATION").doesNotContain("MX-DASH");
        List<JsonNode> months = fent.get("series").findParents("key").stream()
                .filter(p -> p.get("key").asText().equals("EXPIRING")).toList();
        assertThat(months).hasSize(12);
        assertThat(months.stream().mapToLong(p -> p.get("value").asLong()).sum()).isEqualTo(1);
        JsonNode arms = APP.as("cmd.arms", "/api/dashboard/commander").get(JsonNode.class);
        assertThat(arms.get("figures")).isEmpty();
    }

    @Test
    void anAdjudicatorCountsTheQueueOfTheirCountries() {
        JsonNode mx = APP.as("adj.smith", "/api/dashboard/adjudicator").get(JsonNode.class);
        assertThat(mx.get("figures").get(0).get("key").asText()).isEqualTo("QUEUE");
        assertThat(mx.get("figures").get(0).get("value").asLong()).isEqualTo(1);
        assertThat(mx.get("series")).hasSize(4);
        JsonNode us = APP.as("adj.us", "/api/dashboard/adjudicator").get(JsonNode.class);
        assertThat(us.get("figures").get(0).get("value").asLong()).as("another country's case").isZero();
    }

    @Test
    void anAuditorSeesDecisionsPerDayByOutcome() {
        JsonNode a = APP.as("aud.garcia", "/api/dashboard/auditor").get(JsonNode.class);
        assertThat(a.get("series").findValuesAsText("group")).containsOnly(TestApp.TODAY.toString());
        // the outcomes of the decisions, and the age of the oldest open adverse case (none here: 0)
        assertThat(a.get("figures").findValuesAsText("key")).containsExactlyInAnyOrder("ELIGIBLE", "REFERRED",
                "OLDEST_CASE_DAYS");
    }
}
