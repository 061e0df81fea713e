package org.vetting.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetting.support.TestApp.expect;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Lists;
import org.vetting.support.MovableClock;
import org.vetting.support.Policy;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * The second signature of every four-eyes step (docs/api.md, "Sign-in") proves a second factor
 * again: signed in more than five minutes before, the step is answered 401 {@code reauthenticate}
 * and nothing changes; with a code proved just now, the same call goes through. The first half of
 * each step needs no such proof.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecondSignatureTest {
    static final MovableClock CLOCK = new MovableClock(TestApp.TODAY);
    static final TestApp APP = TestApp.withSecondFactor(CLOCK);
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void staff() {
        Policy.staff(APP);
        APP.createUser("adj.jones", "ADJUDICATOR");
        APP.createAdmin("admin2");
    }

    /**
     * The second signature, made with a session whose factor is older than the window: refused and
     * asked to re-authenticate (nothing changed, as {@code unchanged} checks), then accepted once a
     * code is proved.
     */
    static JsonNode signsAfterReauthenticating(String user, String path, Object body, Runnable unchanged) {
        APP.get(user, "/api/me"); // signed in (a factor proved) now
        CLOCK.advance(Duration.ofMinutes(6));
        JsonNode refused = expect(APP.post(user, path, body), 401);
        assertThat(refused.get("reauthenticate").asBoolean()).as(path).isTrue();
        unchanged.run();
        expect(APP.post(user, "/api/session/reauthenticate", Map.of("code", APP.nextCode(user))), 200);
        try (Response r = APP.post(user, path, body)) {
            String answer = r.readEntity(String.class);
            assertThat(r.getStatus()).as(path + ": " + answer).isBetween(200, 202);
            return TestApp.expect(APP.as(user, "/api/me").get(), 200);
        }
    }

    @Test
    void theSecondAdjudicatorOfAWaiver() {
        var r = Records.clean("MX-SIG-W");
        Records.list(r, "exams").set(0, Records.exam("e1", "POLYGRAPH", "FAIL", "2026-03-10"));
        String id = APP.submit("hr.lopez", r).get("evaluationId").asText();
        Map<String, Object> waiver = Map.of("decision", "GRANT", "reasons", "Equipment fault documented.",
                "waive", List.of("POLYGRAPH_FAILED"));
        String path = "/api/evaluations/" + id + "/adjudication";
        assertThat(expect(APP.post("adj.smith", path, waiver), 200).get("stage").asText())
                .as("the first approval is no second signature").isEqualTo("FIRST_APPROVAL");
        signsAfterReauthenticating("adj.jones", path, waiver, () -> assertThat(
                APP.get("hr.lopez", "/api/officers/MX-SIG-W/clearances").get(0).get("status").asText())
                .isEqualTo("DENIAL_PROPOSED"));
        assertThat(APP.get("hr.lopez", "/api/officers/MX-SIG-W/clearances").get(0).get("status").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void theSecondAdjudicatorOfADismissal() {
        Lists.importOfacSample(APP, "pol.a");
        var r = Records.clean("MX-SIG-H");
        r.put("givenName", "Guadalupe");
        r.put("familyName", "Villalobos Quintero");
        r.put("dateOfBirth", "1979-04-02");
        String hit = APP.submit("hr.lopez", r).get("screening").get("hits").get(0).get("hitId").asText();
        String path = "/api/screening-hits/" + hit + "/review";
        Map<String, Object> dismiss = Map.of("decision", "DISMISS", "reasons", "A different person: other parents.");
        assertThat(expect(APP.post("adj.smith", path, dismiss), 200).get("status").asText())
                .isEqualTo("DISMISSAL_PENDING");
        signsAfterReauthenticating("adj.jones", path, dismiss, () -> assertThat(
                APP.get("adj.jones", "/api/screening-hits/" + hit).get("status").asText()).isEqualTo("DISMISSAL_PENDING"));
        assertThat(APP.get("adj.jones", "/api/screening-hits/" + hit).get("status").asText()).isEqualTo("DISMISSED");
    }

    @Test
    void approvingARuleSet() {
        String version = Policy.propose(APP, "pol.a", "a second signature");
        Policy.backtest(APP, "pol.a", version);
        signsAfterReauthenticating("pol.b", "/api/rulesets/" + version + "/approve", Map.of("reasons", "Same rules."),
                () -> assertThat(APP.get("pol.b", "/api/rulesets/" + version).get("status").asText()).isEqualTo("DRAFT"));
        assertThat(APP.get("pol.b", "/api/rulesets/" + version).get("status").asText()).isEqualTo("ACTIVE");
        Policy.awaitReevaluation(APP, "pol.a", version);
    }

    @Test
    void approvingAListVersionThatRemovesEntries() {
        String list = "SIG-LIST";
        String both = "id,type,given_names,family_names,name,aliases,weak_aliases,birth_date,nationality,program,remarks\n"
                + "S1,PERSON,Zacarías,Olmedo Preciado,,,,,MX,,\nS2,PERSON,Rigoberto,Anzures Tello,,,,,MX,,\n";
        expect(Lists.importList(APP, "pol.a", list, "csv", Map.of("l.csv", both)), 201);
        JsonNode pending = expect(Lists.importList(APP, "pol.a", list, "csv", Map.of("l.csv",
                both.substring(0, both.indexOf("S2,")))), 201);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        String path = "/api/watchlists/" + list + "/versions/" + pending.get("version").asInt() + "/approve";
        signsAfterReauthenticating("pol.b", path, Map.of("reasons", "Delisted."), () -> assertThat(
                APP.get("pol.b", "/api/watchlists").toString()).contains("PENDING_APPROVAL"));
    }

    @Test
    void approvingWhatWaitsForAUser() {
        JsonNode asked = expect(APP.post("admin2", "/api/users", Map.of("username", "aud.new", "password",
                TestApp.PASSWORD, "roles", List.of("AUDITOR"), "countries", TestApp.COUNTRIES)), 202);
        assertThat(asked.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        signsAfterReauthenticating("admin", "/api/users/aud.new/approve", Map.of(), () -> assertThat(
                APP.get("admin", "/api/users?limit=1000").toString()).contains("PENDING_APPROVAL"));
    }
}
