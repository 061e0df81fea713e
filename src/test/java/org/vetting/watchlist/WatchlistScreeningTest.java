package org.vetting.watchlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * Screening against watchlists (docs/screening.md) through the API, on H2 and PostgreSQL: each import
 * format and a malformed file, the officer's and an association's possible matches raising their
 * codes, weak aliases never matching alone, two adjudicators' dismissal remembered, a confirmation,
 * a removal waiting for a second policy officer, and a list update suspending a standing clearance.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WatchlistScreeningTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;

    /** The three sample lists as imported before every test, one in each format. */
    static JsonNode ofac;
    static JsonNode openSanctions;
    static JsonNode uif;

    @BeforeAll
    static void staffAndLists() {
        APP.createStaff();
        APP.createUser("adj.jones", "ADJUDICATOR");
        APP.createUser("pol.a", "POLICY_OFFICER");
        APP.createUser("pol.b", "POLICY_OFFICER");
        ofac = imported("OFAC-SDN", "ofac-csv", Map.of("sdn.csv", sample("ofac/sdn.csv"),
                "alt.csv", sample("ofac/alt.csv")), 201);
        openSanctions = imported("OPENSANCTIONS", "opensanctions-ftm",
                Map.of("entities.jsonl", sample("opensanctions/entities.jsonl")), 201);
        uif = imported("MX-UIF", "csv", Map.of("uif.csv", sample("national/uif.csv")), 201);
    }

    static String sample(String path) {
        return Lists.sample(path);
    }

    static Response importList(String user, String list, String format, Map<String, String> files) {
        return Lists.importList(APP, user, list, format, files);
    }

    static JsonNode imported(String list, String format, Map<String, String> files, int status) {
        return TestApp.expect(importList("pol.a", list, format, files), status);
    }

    static JsonNode submit(Map<String, Object> record) {
        return APP.submit("hr.lopez", record);
    }

    static Map<String, Object> officer(String id, String given, String family, String born) {
        Map<String, Object> r = Records.clean(id);
        r.put("givenName", given);
        r.put("familyName", family);
        r.put("dateOfBirth", born);
        return r;
    }

    static List<String> codes(JsonNode evaluation) {
        List<String> codes = new ArrayList<>();
        evaluation.get("flags").forEach(f -> codes.add(f.get("code").asText()));
        return codes;
    }

    static JsonNode review(String user, String hitId, String decision, int status) {
        try (Response r = APP.post(user, "/api/screening-hits/" + hitId + "/review",
                Map.of("decision", decision, "reasons", decision + " after comparing birth date and photographs"))) {
            JsonNode body = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(body.toString()).isEqualTo(status);
            return body;
        }
    }

    static String clearance(String officerId) {
        JsonNode c = APP.as("adj.smith", "/api/officers/" + officerId + "/clearances").get(JsonNode.class);
        return c.get(0).get("status").asText();
    }

    static String lastCause(String officerId) throws Exception {
        try (Connection c = APP.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT cause FROM clearance_events WHERE officer_id = ? ORDER BY id DESC")) {
            s.setString(1, officerId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void eachFormatIsImported_andSearchable() {
        assertThat(ofac.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(ofac.get("entries").asInt()).as("the vessel is not screened").isEqualTo(4);
        assertThat(ofac.get("added").asInt()).isEqualTo(4);
        assertThat(openSanctions.get("entries").asInt()).as("the address is not screened").isEqualTo(3);
        assertThat(uif.get("entries").asInt()).isEqualTo(3);
        // the same entries again are not a new version (no test changes this list)
        imported("OPENSANCTIONS", "opensanctions-ftm", Map.of("entities.jsonl", sample("opensanctions/entities.jsonl")),
                409);

        JsonNode lists = APP.as("adj.smith", "/api/watchlists").get(JsonNode.class);
        assertThat(lists).extracting(l -> l.get("list").asText()).containsExactly("MX-UIF", "OFAC-SDN", "OPENSANCTIONS");
        lists.forEach(l -> assertThat(l.get("active").get("importedBy").asText()).isEqualTo("pol.a"));

        JsonNode found = APP.as("aud.garcia", "/api/watchlists/OFAC-SDN/entries?q=Lupe%20Villalobos").get(JsonNode.class);
        assertThat(found.get(0).get("entryId").asText()).isEqualTo("90001");
        assertThat(found.get(0).get("weakAliases").get(0).asText()).isEqualTo("LA GUERA");
        assertThat(found.get(0).get("birthDate").asText()).isEqualTo("1979-04-02");
        assertThat(found.get(0).get("nationality").get(0).asText()).isEqualTo("MX");
        try (Response r = APP.as("cmd.fent", "/api/watchlists").get()) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
    }

    @Test
    void aMalformedFileIsRefusedNamingFileAndLine_andNothingIsStored() {
        long versions = APP.count("watchlist_versions");
        String sdn = sample("ofac/sdn.csv");
        String broken = sdn.lines().limit(1).findFirst().orElseThrow() + "\n90009,\"SHORT ROW\",\"individual\"\n";
        assertRefused(importList("pol.a", "OFAC-SDN", "ofac-csv", Map.of("sdn.csv", broken)), "files.sdn.csv", "line 2:");
        assertRefused(importList("pol.a", "OFAC-SDN", "ofac-csv", Map.of("sdn.csv", sdn,
                "alt.csv", "99999,91009,\"aka\",\"NOBODY\",\"-0-\"\n")), "files.alt.csv", "line 1:");
        String jsonl = sample("opensanctions/entities.jsonl");
        String badJson = jsonl.lines().findFirst().orElseThrow() + "\n{\"id\": \"x\", \"schema\": \n";
        assertRefused(importList("pol.a", "OPENSANCTIONS", "opensanctions-ftm", Map.of("e.jsonl", badJson)),
                "files.e.jsonl", "line 2:");
        String csv = sample("national/uif.csv") + "UIF-0009,PERSON,Juan,Pérez,,,,31/12/1970,MX,,\n";
        assertRefused(importList("pol.a", "MX-UIF", "csv", Map.of("uif.csv", csv)), "files.uif.csv", "line 5:");
        assertRefused(importList("pol.a", "MX-UIF", "xml", Map.of("uif.xml", "<x/>")), "format", "one of");
        assertRefused(importList("pol.a", "mx uif", "csv", Map.of("uif.csv", csv)), "list", "upper-case");
        try (Response r = APP.postRaw("pol.a", "/api/watchlists/MX-UIF/versions", "{\"format\": \"csv\", \"files\": [")) {
            assertThat(r.getStatus()).isEqualTo(422);
        }
        try (Response r = importList("adj.smith", "MX-UIF", "csv", Map.of("uif.csv", csv))) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
        assertThat(APP.count("watchlist_versions")).isEqualTo(versions);
    }

    static void assertRefused(Response r, String field, String message) {
        try (r) {
            JsonNode body = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(body.toString()).isEqualTo(422);
            assertThat(body.toString()).contains(field).contains(message);
        }
    }

    @Test
    void anOfficerOnAList_isReferred_andTheHitIsExplainedInBothLanguages() {
        JsonNode e = submit(officer("MX-WL-1", "Guadalupe", "Villalobos Quintero", "1979-04-02"));
        assertThat(e.get("outcome").asText()).isEqualTo("REFERRED");
        assertThat(codes(e)).containsExactly("WATCHLIST_MATCH");
        JsonNode hit = e.get("screening").get("hits").get(0);
        assertThat(hit.get("subject").asText()).isEqualTo("OFFICER");
        assertThat(hit.get("list").asText()).isEqualTo("OFAC-SDN");
        assertThat(hit.get("entryId").asText()).isEqualTo("90001");
        assertThat(hit.get("status").asText()).isEqualTo("OPEN");
        assertThat(hit.get("matchedParts")).extracting(JsonNode::asText).contains("given", "paterno", "materno",
                "birthDate", "nationality");
        assertThat(e.get("flags").get(0).get("evidence").get(0).asText()).isEqualTo(hit.get("hitId").asText());
        assertThat(e.get("screening").get("lists")).hasSize(3);
        JsonNode es = APP.as("adj.smith", "/api/evaluations/" + e.get("evaluationId").asText())
                .header("Accept-Language", "es").get(JsonNode.class);
        assertThat(es.get("screening").get("hits").get(0).get("explanation").asText())
                .contains("posiblemente coincide", "90001", "fecha de nacimiento");
        // the commander sees the status, never the finding
        String roster = APP.as("cmd.fent", "/api/units/JU-FENTANYL/roster").get(String.class);
        assertThat(roster).contains("MX-WL-1").contains("PENDING_ADJUDICATION").doesNotContain("90001")
                .doesNotContain("WATCHLIST").doesNotContain("OFAC");
        JsonNode queue = APP.as("adj.smith", "/api/screening-hits").get(JsonNode.class);
        assertThat(queue.get("items")).extracting(i -> i.get("officerId").asText()).contains("MX-WL-1");
    }

    @Test
    void aNamedAssociationRaisesItsCode_whileAWeakAliasNeverMatchesAlone() {
        Map<String, Object> r = officer("MX-WL-2", "Ana", "Ruiz", "1988-02-11");
        Records.list(r, "associations").add(new LinkedHashMap<>(Map.of("id", "a1", "relationship", "BUSINESS",
                "organizationType", "OTHER", "status", "CONFIRMED", "name", "Transportes del Norte de Sonora SA de CV")));
        Records.list(r, "associations").add(new LinkedHashMap<>(Map.of("id", "a2", "relationship", "ASSOCIATE",
                "organizationType", "OTHER", "status", "CONFIRMED", "name", "La Güera")));
        JsonNode e = submit(r);
        assertThat(e.get("outcome").asText()).isEqualTo("REFERRED");
        assertThat(codes(e)).containsExactly("ASSOCIATE_WATCHLIST_MATCH");
        assertThat(e.get("screening").get("hits")).extracting(h -> h.get("subject").asText())
                .containsExactly("ASSOCIATION:a1");
        assertThat(e.get("screening").get("hits").get(0).get("entryId").asText()).isEqualTo("90002");
    }

    @Test
    void aDismissalTakesTwoAdjudicators_andIsRememberedOnTheNextSubmission() throws Exception {
        JsonNode e = submit(officer("MX-WL-5", "Guadalupe", "Villalobos Quintero", "1979-04-02"));
        String evaluationId = e.get("evaluationId").asText();
        String hitId = e.get("screening").get("hits").get(0).get("hitId").asText();
        JsonNode detail = APP.as("adj.smith", "/api/screening-hits/" + hitId).get(JsonNode.class);
        assertThat(detail.get("officerName").asText()).isEqualTo("Guadalupe Villalobos Quintero");
        assertThat(detail.get("entry").get("name").asText()).isEqualTo("VILLALOBOS QUINTERO, Guadalupe");

        assertThat(review("adj.smith", hitId, "DISMISS", 200).get("status").asText()).isEqualTo("DISMISSAL_PENDING");
        assertThat(clearance("MX-WL-5")).as("one adjudicator is not enough").isEqualTo("PENDING_ADJUDICATION");
        review("adj.smith", hitId, "DISMISS", 403);
        try (Response r = APP.post("hr.lopez", "/api/screening-hits/" + hitId + "/review",
                Map.of("decision", "DISMISS", "reasons", "not an adjudicator"))) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
        review("adj.jones", hitId, "MAYBE", 422);
        JsonNode dismissed = review("adj.jones", hitId, "DISMISS", 200);
        assertThat(dismissed.get("status").asText()).isEqualTo("DISMISSED");
        assertThat(dismissed.get("reviews")).hasSize(2);
        assertThat(clearance("MX-WL-5")).isEqualTo("ACTIVE");
        assertThat(lastCause("MX-WL-5")).isEqualTo("SCREENING");
        review("adj.jones", hitId, "CONFIRM", 409);

        // the same record again: the pair is remembered, no flag
        JsonNode again = submit(officer("MX-WL-5", "Guadalupe", "Villalobos Quintero", "1979-04-02"));
        assertThat(again.get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(again.get("screening").get("hits").get(0).get("status").asText()).isEqualTo("DISMISSED");
        JsonNode open = APP.as("adj.smith", "/api/screening-hits").get(JsonNode.class);
        assertThat(open.get("items")).extracting(i -> i.get("hitId").asText()).doesNotContain(hitId);
        JsonNode closed = APP.as("aud.garcia", "/api/screening-hits?status=DISMISSED").get(JsonNode.class);
        assertThat(closed.get("items")).extracting(i -> i.get("hitId").asText()).contains(hitId);
        // the replay of the first evaluation gives the rules the hit as it stood then
        JsonNode replay = APP.as("aud.garcia", "/api/audit/evaluations/" + evaluationId + "/replay").get(JsonNode.class);
        assertThat(replay.get("matches").asBoolean()).as(replay.toString()).isTrue();
    }

    @Test
    void aConfirmedMatchMakesTheOfficerIneligible() {
        JsonNode e = submit(officer("MX-WL-3", "Ernesto Rafael", "Salcedo Ibarra", "1968-05-05"));
        assertThat(codes(e)).containsExactly("WATCHLIST_MATCH");
        String hitId = e.get("screening").get("hits").get(0).get("hitId").asText();
        assertThat(review("adj.smith", hitId, "CONFIRM", 200).get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(clearance("MX-WL-3")).isEqualTo("DENIAL_PROPOSED");
        JsonNode evaluations = APP.as("adj.smith", "/api/officers/MX-WL-3/evaluations").get(JsonNode.class);
        // two evaluations: the submission (REFERRED) and the re-evaluation after the review (same clock)
        assertThat(evaluations.get("items")).extracting(i -> i.get("outcome").asText())
                .containsExactlyInAnyOrder("REFERRED", "INELIGIBLE");
        JsonNode latest = null;
        for (JsonNode i : evaluations.get("items")) {
            if (i.get("outcome").asText().equals("INELIGIBLE")) {
                latest = i;
            }
        }
        JsonNode after = APP.as("adj.smith", "/api/evaluations/" + latest.get("evaluationId").asText()).get(JsonNode.class);
        assertThat(codes(after)).containsExactly("WATCHLIST_CONFIRMED");
    }

    @Test
    void aVersionThatRemovesEntriesWaitsForASecondPolicyOfficer() {
        String sdn = String.join("\n", sample("ofac/sdn.csv").lines().filter(l -> !l.startsWith("90005")).toList());
        JsonNode pending = imported("OFAC-SDN", "ofac-csv", Map.of("sdn.csv", sdn, "alt.csv", sample("ofac/alt.csv")), 201);
        assertThat(pending.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(pending.get("removed").asInt()).isEqualTo(1);
        int version = pending.get("version").asInt();
        JsonNode lists = APP.as("pol.b", "/api/watchlists").get(JsonNode.class);
        JsonNode ofac = null;
        for (JsonNode l : lists) {
            if (l.get("list").asText().equals("OFAC-SDN")) {
                ofac = l;
            }
        }
        assertThat(ofac.get("active").get("version").asInt()).isEqualTo(version - 1);
        String approve = "/api/watchlists/OFAC-SDN/versions/" + version + "/approve";
        try (Response r = APP.post("pol.a", approve, Map.of("reasons", "delisted by OFAC"))) {
            assertThat(r.getStatus()).as("the importer cannot approve").isEqualTo(403);
        }
        try (Response r = APP.post("adj.smith", approve, Map.of("reasons", "delisted by OFAC"))) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
        try (Response r = APP.post("pol.b", approve, Map.of("reasons", "Delisted by OFAC on 2026-11-20 (notice checked)"))) {
            JsonNode body = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(body.toString()).isEqualTo(200);
            assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(body.get("decidedBy").asText()).isEqualTo("pol.b");
        }
        try (Response r = APP.post("pol.b", approve, Map.of("reasons", "again"))) {
            assertThat(r.getStatus()).isEqualTo(409);
        }
    }

    @Test
    void aListUpdateSuspendsAStandingClearance() throws Exception {
        assertThat(submit(officer("MX-WL-4", "Rosalba", "Treviño Garza", "1985-09-09")).get("outcome").asText())
                .isEqualTo("ELIGIBLE");
        assertThat(clearance("MX-WL-4")).isEqualTo("ACTIVE");
        String v2 = sample("national/uif.csv")
                + "UIF-0004,PERSON,Rosalba,Treviño Garza,,,,1985-09-09,MX,Lista de personas bloqueadas (ficticia),Ejemplo inventado\n";
        JsonNode imported = imported("MX-UIF", "csv", Map.of("uif.csv", v2), 201);
        assertThat(imported.get("status").asText()).as("adding entries takes effect at once").isEqualTo("ACTIVE");
        assertThat(imported.get("added").asInt()).isEqualTo(1);
        JsonNode progress = awaitRescreening("MX-UIF", imported.get("version").asInt());
        assertThat(progress.get("newHits").asInt()).isEqualTo(1);
        assertThat(clearance("MX-WL-4")).isEqualTo("SUSPENDED");
        assertThat(lastCause("MX-WL-4")).isEqualTo("SCREENING");
        String roster = APP.as("cmd.fent", "/api/units/JU-FENTANYL/roster").get(String.class);
        assertThat(roster).contains("SUSPENDED").doesNotContain("UIF-0004").doesNotContain("WATCHLIST");
        JsonNode chain = APP.as("aud.garcia", "/api/audit/verify").get(JsonNode.class);
        assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
    }

    static JsonNode awaitRescreening(String list, int version) throws InterruptedException {
        return Lists.awaitRescreening(APP, "pol.a", list, version);
    }
}
