package org.vetting.clearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.MovableClock;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/** The expiry job with a moved clock, re-vetting due, and what a roster shows — and never shows. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ExpiryAndRosterTest {
    static final MovableClock CLOCK = new MovableClock(TestApp.TODAY);
    static final TestApp APP = new TestApp(CLOCK, ConfigOverride.config("expiryInterval", "100ms"));
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void officers() {
        APP.createStaff();
        APP.createUser("cmd.arms", "COMMANDER", "JU-ARMS");
        // ELIGIBLE until 2027-03-10; a REFERRED one with derogatory detail; a CONDITIONAL one
        post(Records.clean("MX-R-1"));
        var referred = Records.clean("MX-R-2");
        Records.list(referred, "disciplinaryRecords").add(Map.of("id", "d1", "category", "COLLUSION", "finding",
                "PENDING", "date", "2026-10-01"));
        post(referred);
        var conditional = Records.clean("MX-R-3");
        Records.list(conditional, "exams").set(4, Records.exam("e5", "MEDICAL", "FAIL", "2026-03-12"));
        post(conditional);
    }

    static void post(Map<String, Object> record) {
        try (Response r = APP.post("hr.lopez", "/api/candidates", record)) {
            assertThat(r.getStatus()).isEqualTo(201);
        }
    }

    static JsonNode roster(String user) {
        try (Response r = APP.as(user, "/api/units/JU-FENTANYL/roster").get()) {
            assertThat(r.getStatus()).isEqualTo(200);
            return r.readEntity(JsonNode.class);
        }
    }

    static JsonNode item(JsonNode roster, String officerId) {
        for (JsonNode i : roster.get("items")) {
            if (i.get("officerId").asText().equals(officerId)) {
                return i;
            }
        }
        throw new AssertionError(officerId + " not on the roster");
    }

    @Test
    void theRosterShowsStatusValidityAndConditions_NeverDerogatoryDetail() {
        JsonNode roster = roster("cmd.fent");
        assertThat(roster.get("items").findValuesAsText("officerId")).containsExactly("MX-R-1", "MX-R-2", "MX-R-3");
        for (JsonNode i : roster.get("items")) {
            List<String> fields = new ArrayList<>();
            i.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrder("officerId", "officerName", "unit", "status", "validUntil", "conditions",
                    "revettingDue", "updatedAt");
        }
        String text = roster.toString();
        for (String derogatory : List.of("COLLUSION", "CORRUPTION", "PENDING\"", "evidence", "flags", "d1", "e5",
                "MEDICAL_UNFIT", "INTEGRITY")) {
            assertThat(text).doesNotContain(derogatory);
        }
        assertThat(item(roster, "MX-R-2").get("status").asText()).isEqualTo("PENDING_ADJUDICATION");
        assertThat(item(roster, "MX-R-3").get("conditions").get(0).asText()).isEqualTo("Medical re-examination within 6 months");
        assertThat(roster("aud.garcia").get("items")).hasSize(3);
        assertThat(roster("admin").get("items")).hasSize(3);
    }

    @Test
    void aCommanderOfAnotherUnitIsRefused_AndTheRefusalIsLogged() {
        try (Response r = APP.as("cmd.arms", "/api/units/JU-FENTANYL/roster").get()) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
        try (Response r = APP.as("cmd.arms", "/api/officers/MX-R-1/clearances").get()) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
        try (Response r = APP.as("aud.garcia", "/api/audit/access-log?username=cmd.arms").get()) {
            JsonNode log = r.readEntity(JsonNode.class).get("items");
            assertThat(log.findValuesAsText("path")).contains("/api/units/JU-FENTANYL/roster", "/api/officers/MX-R-1/clearances");
            assertThat(log.findValuesAsText("status")).containsOnly("403");
            assertThat(log.findValuesAsText("officerId")).contains("MX-R-1");
        }
    }

    @Test
    void theRosterPagesWithACursor() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            try (Response r = APP.as("cmd.fent", "/api/units/JU-FENTANYL/roster?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).get()) {
                JsonNode page = r.readEntity(JsonNode.class);
                seen.addAll(page.get("items").findValuesAsText("officerId"));
                cursor = page.get("next").isNull() ? null : page.get("next").asText();
            }
        } while (cursor != null);
        assertThat(seen).containsExactly("MX-R-1", "MX-R-2", "MX-R-3");
    }

    @Test
    void reVettingIsDueSixtyDaysBeforeExpiry_AndTheJobExpiresPastValidity() throws InterruptedException {
        try {
            CLOCK.moveTo(LocalDate.of(2027, 1, 8));
            assertThat(item(roster("cmd.fent"), "MX-R-1").get("revettingDue").asBoolean()).isFalse();
            CLOCK.moveTo(LocalDate.of(2027, 1, 9)); // 60 days before 2027-03-10
            assertThat(item(roster("cmd.fent"), "MX-R-1").get("revettingDue").asBoolean()).isTrue();
            CLOCK.moveTo(LocalDate.of(2027, 3, 10)); // the last valid day
            Thread.sleep(400);
            assertThat(item(roster("cmd.fent"), "MX-R-1").get("status").asText()).isEqualTo("ACTIVE");

            CLOCK.moveTo(LocalDate.of(2027, 3, 11));
            String status = "ACTIVE";
            for (int i = 0; i < 50 && status.equals("ACTIVE"); i++) {
                Thread.sleep(100);
                status = item(roster("cmd.fent"), "MX-R-1").get("status").asText();
            }
            JsonNode expired = item(roster("cmd.fent"), "MX-R-1");
            assertThat(expired.get("status").asText()).isEqualTo("EXPIRED");
            assertThat(expired.get("revettingDue").asBoolean()).isTrue();
            assertThat(item(roster("cmd.fent"), "MX-R-2").get("status").asText()).isEqualTo("PENDING_ADJUDICATION");
            try (Response r = APP.as("aud.garcia", "/api/audit/verify").get()) {
                assertThat(r.readEntity(JsonNode.class).get("valid").asBoolean()).isTrue();
            }
        } finally {
            CLOCK.moveTo(TestApp.TODAY);
        }
    }
}
