package org.vetting.adverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetting.support.TestApp.expect;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.VettingApplication;
import org.vetting.support.MovableClock;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * Adverse decisions (policy v1.3, section 9) through HTTP, the rules and the database, with a
 * movable clock: every path that used to deny or revoke proposes; the walks to UPHELD, to WITHDRAWN
 * after a reply with a mitigating record, and to REVERSED by the board; the windows and the clock
 * job; the refusals; the letters (read back with PDFBox); the chain valid and every evaluation
 * replayed unchanged.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AdverseCasesTest {
    static final MovableClock CLOCK = new MovableClock(TestApp.TODAY);
    static final TestApp APP = new TestApp(CLOCK);
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void users() {
        APP.createStaff();
        APP.createUser("adj.jones", "ADJUDICATOR");
        APP.createUser("adj.ruiz", "ADJUDICATOR");
        APP.createUser("hr.diaz", "VETTING_OFFICER");
        APP.createUser("board.a", "APPEALS_BOARD");
        APP.createUser("board.b", "APPEALS_BOARD");
        APP.createUser("board.c", "APPEALS_BOARD");
        APP.createUser("hr.board", List.of("VETTING_OFFICER", "APPEALS_BOARD"), null);
        APP.createScoped("adj.us", "ADJUDICATOR", "US");
        APP.createScoped("hr.us", "VETTING_OFFICER", "US");
        APP.createScoped("board.us", "APPEALS_BOARD", "US");
    }

    @AfterEach
    void today() {
        CLOCK.moveTo(TestApp.TODAY);
    }

    static int advance() {
        return ((VettingApplication) EXT.getApplication()).context().adverseCases().advance();
    }

    static Map<String, Object> toxPositive(String officerId) {
        Map<String, Object> r = Records.clean(officerId);
        List<Object> exams = Records.list(r, "exams");
        for (int i = 0; i < exams.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> exam = new LinkedHashMap<>((Map<String, Object>) exams.get(i));
            if (exam.get("type").equals("TOXICOLOGICAL")) {
                exam.put("result", "FAIL");
                exams.set(i, exam);
            }
        }
        return r;
    }

    static Map<String, Object> charged(String officerId) {
        Map<String, Object> r = Records.clean(officerId);
        r.put("criminalRecords", List.of(Map.of("id", "c1", "category", "THEFT", "status", "CHARGED",
                "date", "2026-01-01")));
        return r;
    }

    static String status(String officerId) {
        return APP.get("cmd.fent", "/api/officers/" + officerId + "/clearances").get(0).get("status").asText();
    }

    static JsonNode get(String user, String caseId) {
        return expect(APP.as(user, "/api/adverse-cases/" + caseId).get(), 200);
    }

    static JsonNode step(String user, String caseId, String step, Map<String, Object> body, int status) {
        return expect(APP.post(user, "/api/adverse-cases/" + caseId + "/" + step, body), status);
    }

    static String caseOf(JsonNode evaluation) {
        JsonNode opened = evaluation.get("adverseCase");
        assertThat(opened).as("the evaluation opened a case").isNotNull();
        assertThat(opened.get("stage").asText()).isEqualTo("PROPOSED");
        return opened.get("caseId").asText();
    }

    @Test
    void anIneligibleApplicationIsProposed_NoticedReconsideredAndUpheld_AndTheAppealWindowLapses() throws IOException {
        JsonNode e = APP.submit("hr.lopez", toxPositive("MX-ADV-1"));
        assertThat(e.get("outcome").asText()).isEqualTo("INELIGIBLE");
        String caseId = caseOf(e);
        assertThat(status("MX-ADV-1")).isEqualTo("DENIAL_PROPOSED");
        JsonNode proposed = get("adj.smith", caseId);
        assertThat(proposed.get("kind").asText()).isEqualTo("DENIAL");
        assertThat(proposed.get("stage").asText()).isEqualTo("PROPOSED");
        assertThat(proposed.get("officerName").asText()).isEqualTo("Ana Ruiz");

        // refusals before the notice: each names the field or the rule, nothing changes
        assertThat(step("adj.smith", caseId, "notice", Map.of("reasons", " "), 422).get("errors").get(0).get("field")
                .asText()).isEqualTo("reasons");
        assertThat(step("adj.smith", caseId, "notice", Map.of("reasons", "r", "languages", List.of("FR")), 422)
                .get("errors").get(0).get("field").asText()).isEqualTo("languages[0]");
        step("hr.lopez", caseId, "notice", Map.of("reasons", "r"), 403);
        step("hr.lopez", caseId, "replies", Map.of("text", "Too early."), 409);
        assertThat(get("adj.smith", caseId).get("stage").asText()).isEqualTo("PROPOSED");

        JsonNode noticed = step("adj.smith", caseId, "notice", Map.of("reasons",
                "The toxicological exam e2 was positive; the Bond Amendment bars a drug user."), 200);
        assertThat(noticed.get("stage").asText()).isEqualTo("NOTICE_ISSUED");
        assertThat(noticed.get("replyDueOn").asText()).isEqualTo(TestApp.TODAY.plusDays(30).toString());
        assertThat(noticed.get("letters")).hasSize(1);
        assertThat(noticed.get("letters").get(0).get("language").asText()).isEqualTo("ES");
        step("adj.jones", caseId, "notice", Map.of("reasons", "Again."), 409);

        // the letter: Spanish for an officer of Mexico, the flag's explanation with its accents, the due date
        String letterId = noticed.get("letters").get(0).get("letterId").asText();
        String text = pdfText(caseId, letterId, "letter-notice-es");
        assertThat(text).contains("Ana Ruiz").contains("Aviso de propuesta de denegación")
                .contains("El examen toxicológico más reciente (e2) resultó positivo.")
                .contains(TestApp.TODAY.plusDays(30).toString());
        JsonNode json = expect(APP.as("aud.garcia", "/api/adverse-cases/" + caseId + "/letters/" + letterId)
                .accept(MediaType.APPLICATION_JSON).get(), 200);
        assertThat(json.get("reproduced").asBoolean()).as("regenerated from the chain, the same bytes").isTrue();
        assertThat(json.get("sha256").asText()).isEqualTo(sha256(pdf(caseId, letterId)));
        assertThat(APP.count("audit_log WHERE entry_type = 'ADVERSE_CASE' AND content LIKE '%"
                + json.get("sha256").asText() + "%'")).isEqualTo(1);

        // reconsideration waits for a reply or the window's end; the issuer never reconsiders
        step("adj.jones", caseId, "reconsideration", Map.of("decision", "UPHOLD", "reasons", "Early."), 409);
        step("adj.smith", caseId, "reconsideration", Map.of("decision", "UPHOLD", "reasons", "Mine."), 403);
        // one extension, within extensionDays
        assertThat(step("adj.jones", caseId, "extension", Map.of("days", 31, "reasons", "Asked."), 422)
                .get("errors").get(0).get("field").asText()).isEqualTo("days");
        JsonNode extended = step("adj.jones", caseId, "extension", Map.of("days", 10, "reasons",
                "The officer asked for time to obtain a laboratory counter-analysis."), 200);
        assertThat(extended.get("extendedTo").asText()).isEqualTo(TestApp.TODAY.plusDays(40).toString());
        step("adj.jones", caseId, "extension", Map.of("days", 5, "reasons", "Again."), 409);

        // the window closes: a reply is refused, the clock moves the case to reconsideration
        CLOCK.moveTo(TestApp.TODAY.plusDays(41));
        step("hr.lopez", caseId, "replies", Map.of("text", "Late."), 409);
        assertThat(advance()).isGreaterThanOrEqualTo(1);
        assertThat(advance()).as("a second run finds nothing left to move").isZero();
        JsonNode waiting = get("adj.smith", caseId);
        assertThat(waiting.get("stage").asText()).isEqualTo("RECONSIDERATION");
        assertThat(waiting.get("daysLeft").asLong()).as("waiting since the window closed: overdue").isEqualTo(-1);
        assertThat(status("MX-ADV-1")).isEqualTo("DENIAL_PROPOSED");

        assertThat(step("adj.jones", caseId, "reconsideration", Map.of("decision", "WITHDRAW", "reasons", "No."), 409)
                .get("message").asText()).contains("INELIGIBLE");
        JsonNode upheld = step("adj.jones", caseId, "reconsideration", Map.of("decision", "UPHOLD", "reasons",
                "No reply; the positive result stands."), 200);
        assertThat(upheld.get("stage").asText()).isEqualTo("FINAL");
        assertThat(upheld.get("result").asText()).isEqualTo("UPHELD");
        assertThat(upheld.get("appealDueOn").asText()).isEqualTo(TestApp.TODAY.plusDays(41 + 15).toString());
        assertThat(status("MX-ADV-1")).isEqualTo("DENIED");
        JsonNode finalLetter = upheld.get("letters").get(1);
        assertThat(finalLetter.get("kind").asText()).isEqualTo("FINAL");
        assertThat(pdfText(caseId, finalLetter.get("letterId").asText(), "letter-final-es")).contains("denegación confirmada")
                .contains(TestApp.TODAY.plusDays(56).toString());
        // reapplyAfterMonths counts from the final day
        JsonNode again = APP.submit("hr.diaz", toxPositive("MX-ADV-1"));
        assertThat(again.get("reapplyFrom").asText()).isEqualTo(TestApp.TODAY.plusDays(41).plusMonths(12).toString());

        CLOCK.moveTo(TestApp.TODAY.plusDays(57));
        step("hr.lopez", caseId, "appeal", Map.of("text", "Late."), 409);
        advance();
        JsonNode closed = get("aud.garcia", caseId);
        assertThat(closed.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("result").asText()).isEqualTo("UPHELD");
        assertThat(closed.get("history").findValuesAsText("step")).containsExactly("OPENED", "NOTICE", "EXTENSION",
                "WINDOW_CLOSED", "RECONSIDERATION", "APPEAL_LAPSED");
        step("adj.ruiz", caseId, "reconsideration", Map.of("decision", "UPHOLD", "reasons", "x"), 409);
        // the auditor's history names the case the evaluation opened, at its stage now
        JsonNode history = APP.get("aud.garcia", "/api/audit/evaluations?officerId=MX-ADV-1");
        assertThat(history.get("items").findValues("adverseCase")).anySatisfy(c -> {
            assertThat(c.get("caseId").asText()).isEqualTo(caseId);
            assertThat(c.get("stage").asText()).isEqualTo("CLOSED");
        });
        chainValidAndEveryEvaluationReplays("MX-ADV-1");
    }

    @Test
    void aReplyWithAMitigatingRecordLetsASecondAdjudicatorWithdraw() {
        String caseId = caseOf(APP.submit("hr.lopez", toxPositive("MX-ADV-2")));
        step("adj.smith", caseId, "notice", Map.of("reasons", "Positive toxicology.", "languages", List.of("ES", "EN")),
                200);
        assertThat(get("adj.smith", caseId).get("letters").findValuesAsText("language")).containsExactly("ES", "EN");
        // the reply, and the laboratory's counter-analysis as a new record: stored, evaluated, the proposal stands
        step("hr.lopez", caseId, "replies", Map.of("text", "The counter-analysis of the same sample was negative."), 200);
        JsonNode added = expect(APP.post("hr.lopez", "/api/officers/MX-ADV-2/records", Map.of("exams", List.of(
                Records.exam("e9", "TOXICOLOGICAL", "PASS", "2026-11-25")))), 200);
        assertThat(added.get("evaluations").get(0).get("outcome").asText()).isNotEqualTo("INELIGIBLE");
        assertThat(status("MX-ADV-2")).isEqualTo("DENIAL_PROPOSED");
        // with a reply in, reconsideration need not wait for the window
        JsonNode withdrawn = step("adj.jones", caseId, "reconsideration", Map.of("decision", "WITHDRAW", "reasons",
                "The counter-analysis clears the finding."), 200);
        assertThat(withdrawn.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(withdrawn.get("result").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("replies")).hasSize(1);
        assertThat(status("MX-ADV-2")).isNotIn("DENIAL_PROPOSED", "DENIED");
        step("hr.lopez", caseId, "replies", Map.of("text", "More."), 409);
        chainValidAndEveryEvaluationReplays("MX-ADV-2");
    }

    @Test
    void anAdjudicatorsDenyIsProposed_UpheldOnReconsideration_AndReversedByTheBoard() {
        String evaluationId = APP.submit("hr.lopez", charged("MX-ADV-3")).get("evaluationId").asText();
        JsonNode denied = expect(APP.post("adj.smith", "/api/evaluations/" + evaluationId + "/adjudication",
                Map.of("decision", "DENY", "reasons", "Pending theft charge.")), 200);
        assertThat(denied.get("clearance").get("status").asText()).isEqualTo("DENIAL_PROPOSED");
        String caseId = caseOf(expect(APP.as("adj.smith", "/api/evaluations/" + evaluationId).get(), 200));
        step("adj.smith", caseId, "notice", Map.of("reasons", "Pending theft charge."), 200);
        step("hr.diaz", caseId, "replies", Map.of("text", "The charge was filed by a suspect I investigated."), 200);
        // the adjudicator whose DENY proposed it does not reconsider it either
        step("adj.smith", caseId, "reconsideration", Map.of("decision", "UPHOLD", "reasons", "x"), 403);
        step("adj.jones", caseId, "reconsideration", Map.of("decision", "UPHOLD", "reasons",
                "The charge is serious and pending."), 200);
        assertThat(status("MX-ADV-3")).isEqualTo("DENIED");
        // before the appeal, nobody votes
        step("board.a", caseId, "votes", Map.of("vote", "REVERSE", "reasons", "x"), 409);
        assertThat(step("hr.board", caseId, "appeal", Map.of("text", "I appeal to the board."), 200).get("stage")
                .asText()).isEqualTo("APPEALED");
        step("hr.lopez", caseId, "appeal", Map.of("text", "Twice."), 409);
        // who took part does not vote; nobody votes twice; a vote is UPHOLD or REVERSE with reasons
        step("hr.board", caseId, "votes", Map.of("vote", "REVERSE", "reasons", "x"), 403);
        assertThat(step("board.a", caseId, "votes", Map.of("vote", "MAYBE", "reasons", "x"), 422).get("errors").get(0)
                .get("field").asText()).isEqualTo("vote");
        step("adj.jones", caseId, "votes", Map.of("vote", "REVERSE", "reasons", "x"), 403);
        step("board.a", caseId, "votes", Map.of("vote", "UPHOLD", "reasons", "A pending charge is enough."), 200);
        step("board.a", caseId, "votes", Map.of("vote", "REVERSE", "reasons", "Changed my mind."), 403);
        assertThat(step("board.b", caseId, "votes", Map.of("vote", "REVERSE", "reasons",
                "An uncorroborated complaint by a suspect."), 200).get("stage").asText()).isEqualTo("APPEALED");
        JsonNode reversed = step("board.c", caseId, "votes", Map.of("vote", "REVERSE", "reasons",
                "The complaint is retaliation; decide it again."), 200);
        assertThat(reversed.get("stage").asText()).isEqualTo("CLOSED");
        assertThat(reversed.get("result").asText()).isEqualTo("REVERSED");
        assertThat(reversed.get("votes").findValuesAsText("vote")).containsExactly("UPHOLD", "REVERSE", "REVERSE");
        assertThat(status("MX-ADV-3")).isEqualTo("PENDING_ADJUDICATION");
        step("board.a", caseId, "votes", Map.of("vote", "UPHOLD", "reasons", "x"), 409);
        // adjudicators decide it again, on the evaluation the reversal stored
        String fresh = reversed.get("history").get(reversed.get("history").size() - 1).get("evaluationId").asText();
        JsonNode granted = expect(APP.post("adj.ruiz", "/api/evaluations/" + fresh + "/adjudication",
                Map.of("decision", "GRANT", "reasons", "Reversed by the board.")), 200);
        assertThat(granted.get("clearance").get("status").asText()).isEqualTo("ACTIVE");
        chainValidAndEveryEvaluationReplays("MX-ADV-3");
    }

    @Test
    void aHeldClearanceIsProposedForRevocation_AndReadersAreScoped() {
        APP.submit("hr.lopez", Records.clean("MX-ADV-4"));
        assertThat(status("MX-ADV-4")).isEqualTo("ACTIVE");
        JsonNode revoked = expect(APP.post("hr.lopez", "/api/officers/MX-ADV-4/records", Map.of("criminalRecords",
                List.of(Map.of("id", "c1", "category", "DRUG_TRAFFICKING", "status", "CONVICTED",
                        "date", "2026-11-20")))), 200);
        String caseId = caseOf(revoked.get("evaluations").get(0));
        assertThat(status("MX-ADV-4")).isEqualTo("REVOCATION_PROPOSED");
        assertThat(get("aud.garcia", caseId).get("kind").asText()).isEqualTo("REVOCATION");
        // another country's staff: the case is not found for them, in the list or by id, and no step is taken
        expect(APP.as("adj.us", "/api/adverse-cases/" + caseId).get(), 404);
        assertThat(expect(APP.as("adj.us", "/api/adverse-cases").get(), 200).get("items").findValuesAsText("caseId"))
                .doesNotContain(caseId);
        step("adj.us", caseId, "notice", Map.of("reasons", "Not mine."), 404);
        step("hr.us", caseId, "replies", Map.of("text", "Not mine."), 404);
        step("board.us", caseId, "votes", Map.of("vote", "UPHOLD", "reasons", "Not mine."), 404);
        // a commander sees the status and nothing of the case
        expect(APP.as("cmd.fent", "/api/adverse-cases/" + caseId).get(), 403);
        expect(APP.as("cmd.fent", "/api/adverse-cases").get(), 403);
        // the queue: by stage, and the windows closing within a week
        JsonNode queue = expect(APP.as("adj.smith", "/api/adverse-cases?stage=PROPOSED").get(), 200);
        assertThat(queue.get("items").findValuesAsText("caseId")).contains(caseId);
        expect(APP.as("adj.smith", "/api/adverse-cases?stage=NOPE").get(), 422);
        expect(APP.as("adj.smith", "/api/adverse-cases?due=x").get(), 422);
        step("adj.smith", caseId, "notice", Map.of("reasons", "Conviction for drug trafficking."), 200);
        assertThat(expect(APP.as("adj.smith", "/api/adverse-cases?due=7").get(), 200).get("items")
                .findValuesAsText("caseId")).doesNotContain(caseId);
        CLOCK.moveTo(TestApp.TODAY.plusDays(25));
        JsonNode due = expect(APP.as("adj.smith", "/api/adverse-cases?due=7").get(), 200);
        assertThat(due.get("items").findValuesAsText("caseId")).contains(caseId);
        assertThat(APP.count("access_log WHERE officer_id = 'MX-ADV-4' AND path LIKE '/api/adverse-cases/%'"))
                .isPositive();
        expect(APP.as("adj.smith", "/api/adverse-cases/00000000-0000-0000-0000-000000000000").get(), 404);
        // the start pages: what adjudicators must act on, and auditors every open case by stage
        JsonNode adjudicator = expect(APP.as("adj.smith", "/api/dashboard/adjudicator").get(), 200);
        assertThat(figure(adjudicator, "WINDOWS_CLOSING")).isPositive();
        JsonNode auditor = expect(APP.as("aud.garcia", "/api/dashboard/auditor").get(), 200);
        assertThat(figure(auditor, "CASES_NOTICE_ISSUED")).isPositive();
        assertThat(figure(auditor, "OLDEST_CASE_DAYS")).isGreaterThanOrEqualTo(25);
        // operators count cases by stage
        assertThat(prometheus()).containsPattern("vetting_adverse_cases\\{stage=\"NOTICE_ISSUED\"} [1-9]");
    }

    static long figure(JsonNode dashboard, String key) {
        for (JsonNode f : dashboard.get("figures")) {
            if (f.get("key").asText().equals(key)) {
                return f.get("value").asLong();
            }
        }
        throw new AssertionError("no figure " + key + " in " + dashboard);
    }

    static String prometheus() {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + APP.app.getAdminPort() + "/prometheus")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anApprovedCorrectionThatMakesAHeldClearanceIneligibleProposesItsRevocation() {
        Map<String, Object> r = Records.clean("MX-ADV-5");
        r.put("criminalRecords", List.of(Map.of("id", "c1", "category", "THEFT", "status", "ACQUITTED",
                "date", "2015-01-01")));
        APP.submit("hr.lopez", r);
        assertThat(status("MX-ADV-5")).isEqualTo("ACTIVE");
        String correction = expect(APP.post("hr.lopez", "/api/officers/MX-ADV-5/corrections", Map.of("replace",
                Map.of("criminalRecords", List.of(Map.of("id", "c1", "category", "DRUG_TRAFFICKING", "status",
                        "CONVICTED", "date", "2015-01-01"))), "reasons", "The court record shows a conviction.")), 201)
                .get("correctionId").asText();
        expect(APP.post("adj.smith", "/api/corrections/" + correction + "/approve", Map.of("reasons",
                "Checked against the court record.")), 200);
        assertThat(status("MX-ADV-5")).isEqualTo("REVOCATION_PROPOSED");
        JsonNode cases = expect(APP.as("aud.garcia", "/api/adverse-cases?stage=PROPOSED").get(), 200).get("items");
        JsonNode opened = null;
        for (JsonNode c : cases) {
            if (c.get("officerId").asText().equals("MX-ADV-5")) {
                opened = get("aud.garcia", c.get("caseId").asText());
            }
        }
        assertThat(opened).as("a case opened with the correction").isNotNull();
        assertThat(opened.get("kind").asText()).isEqualTo("REVOCATION");
        assertThat(opened.get("openedBy").asText()).isEqualTo("adj.smith");
        chainValidAndEveryEvaluationReplays("MX-ADV-5");
    }

    @Test
    void aCasesHistoryCannotBeRewrittenInPostgreSQL() throws java.sql.SQLException {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestApp.POSTGRES, "database-level protection is PostgreSQL's");
        String caseId = caseOf(APP.submit("hr.lopez", toxPositive("MX-ADV-6")));
        step("adj.smith", caseId, "notice", Map.of("reasons", "Positive toxicology."), 200);
        for (String change : List.of("UPDATE adverse_steps SET text = 'nothing'", "DELETE FROM adverse_steps",
                "UPDATE adverse_letters SET sha256 = 'x'", "DELETE FROM adverse_letters",
                "DELETE FROM adverse_cases WHERE case_id = '" + caseId + "'")) {
            try (java.sql.Connection c = APP.connection()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.createStatement().execute(change))
                        .as(change).hasMessageContaining("append-only");
            }
        }
        assertThat(get("aud.garcia", caseId).get("letters")).hasSize(1);
    }

    private void chainValidAndEveryEvaluationReplays(String officerId) {
        assertThat(expect(APP.as("aud.garcia", "/api/audit/verify").get(), 200).get("valid").asBoolean()).isTrue();
        for (JsonNode item : APP.get("aud.garcia", "/api/officers/" + officerId + "/evaluations").get("items")) {
            JsonNode replay = expect(APP.as("aud.garcia", "/api/audit/evaluations/" + item.get("evaluationId").asText()
                    + "/replay").get(), 200);
            assertThat(replay.get("matches").asBoolean()).as("replay of " + item.get("evaluationId")).isTrue();
        }
    }

    static byte[] pdf(String caseId, String letterId) {
        Response r = APP.as("adj.smith", "/api/adverse-cases/" + caseId + "/letters/" + letterId)
                .accept("application/pdf").get();
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getMediaType().toString()).startsWith("application/pdf");
        try (InputStream in = r.readEntity(InputStream.class)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pdfText(String caseId, String letterId, String shot) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(caseId, letterId))) {
            // the letter's first page as it prints, for the record (target/screenshots)
            java.nio.file.Path shots = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(shots);
            javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 80),
                    "png", shots.resolve(shot + ".png").toFile());
            for (var page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                }
            }
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
