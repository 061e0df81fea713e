package org.vetting.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vetting.support.Policy;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * Every endpoint of docs/api.md × every role, and no credentials: refused roles get 403, anonymous
 * callers 401 (except the health check), allowed roles get past authorization.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuthorizationMatrixTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;
    static final List<String> CALLERS = List.of("hr.lopez", "adj.smith", "cmd.fent", "aud.garcia", "pol.ruiz", "admin",
            "(none)");
    static final List<String> SIGNED_IN = List.of("hr.lopez", "adj.smith", "cmd.fent", "aud.garcia", "pol.ruiz", "admin");
    static String referred;
    static String eligible;
    /** A draft proposed by pol.other and backtested, a second one never backtested (approving it: 409). */
    static String draft;
    static String unbacktested;
    static String backtest;
    static String active;
    static String hit;
    /** A case whose notice was issued (its reply window runs), and its letter. */
    static String adverseCase;
    static String adverseLetter;
    static final List<String> READS_CASES = List.of("hr.lopez", "adj.smith", "aud.garcia");
    static final String LISTED = "id,type,given_names,family_names,name,aliases,weak_aliases,birth_date,nationality,"
            + "program,remarks\nL1,PERSON,Zacarías,Olmedo Preciado,,,,,MX,,\nL2,PERSON,Rigoberto,Anzures Tello,,,,,MX,,\n";

    /** One endpoint: who may call it (roles by test user), and how to call it. */
    record Endpoint(String method, String path, List<String> allowed, Object body) {}

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/api/candidates", List.of("hr.lopez"), "candidate"),
                new Endpoint("POST", "/api/candidates/batch", List.of("hr.lopez"), "batch"),
                new Endpoint("POST", "/api/evaluations/dry-run", List.of("hr.lopez", "adj.smith", "admin"),
                        Map.of("record", Records.clean("MX-M-DRY"))),
                new Endpoint("GET", "/api/evaluations/ELIGIBLE", List.of("hr.lopez", "adj.smith", "aud.garcia"), null),
                new Endpoint("GET", "/api/officers/MX-M-1/clearances", List.of("hr.lopez", "adj.smith", "cmd.fent",
                        "aud.garcia", "admin"), null),
                new Endpoint("GET", "/api/units/JU-FENTANYL/roster", List.of("cmd.fent", "aud.garcia", "admin"), null),
                new Endpoint("POST", "/api/officers/MX-M-1/records", List.of("hr.lopez"), Map.of("priorVetting",
                        List.of(Map.of("id", "p-" + System.nanoTime(), "program", "SIU", "result", "GRANTED",
                                "date", "2020-01-01")))),
                new Endpoint("POST", "/api/evaluations/REFERRED/adjudication", List.of("adj.smith"),
                        Map.of("decision", "DENY", "reasons", "Matrix test.")),
                new Endpoint("GET", "/api/audit/evaluations", List.of("aud.garcia"), null),
                new Endpoint("GET", "/api/audit/evaluations/ELIGIBLE", List.of("aud.garcia"), null),
                new Endpoint("GET", "/api/audit/evaluations/ELIGIBLE/replay", List.of("aud.garcia"), null),
                new Endpoint("GET", "/api/audit/verify", List.of("aud.garcia"), null),
                new Endpoint("GET", "/api/audit/access-log", List.of("aud.garcia"), null),
                new Endpoint("GET", "/api/rulesets/active", SIGNED_IN, null),
                new Endpoint("POST", "/api/rulesets", List.of("pol.ruiz"), "PROPOSAL"),
                new Endpoint("GET", "/api/rulesets", List.of("adj.smith", "aud.garcia", "pol.ruiz", "admin"), null),
                new Endpoint("GET", "/api/rulesets/ACTIVEVERSION", List.of("adj.smith", "aud.garcia", "pol.ruiz", "admin"),
                        null),
                new Endpoint("GET", "/api/rulesets/DRAFT/diff", List.of("adj.smith", "aud.garcia", "pol.ruiz", "admin"),
                        null),
                new Endpoint("POST", "/api/rulesets/DRAFT/backtests", List.of("pol.ruiz"), Map.of()),
                new Endpoint("POST", "/api/rulesets/UNBACKTESTED/approve", List.of("pol.ruiz"),
                        "NOBACKTEST"),
                new Endpoint("POST", "/api/rulesets/FRESHDRAFT/reject", List.of("pol.ruiz"),
                        Map.of("reasons", "Matrix test.")),
                new Endpoint("GET", "/api/backtests/BACKTEST", List.of("aud.garcia", "pol.ruiz"), null),
                new Endpoint("POST", "/api/rulesets/reload", List.of("admin"), Map.of()),
                new Endpoint("POST", "/api/users", List.of("admin"), "user"),
                new Endpoint("GET", "/api/health", CALLERS, null),
                new Endpoint("GET", "/api/openapi.json", CALLERS, null),
                new Endpoint("GET", "/api/dashboard/commander", List.of("cmd.fent"), null),
                new Endpoint("GET", "/api/dashboard/adjudicator", List.of("adj.smith"), null),
                new Endpoint("GET", "/api/dashboard/auditor", List.of("aud.garcia"), null),
                new Endpoint("GET", "/api/me", SIGNED_IN, null),
                new Endpoint("GET", "/api/adjudications/queue", List.of("adj.smith"), null),
                new Endpoint("GET", "/api/officers/MX-M-1/evaluations", List.of("hr.lopez", "adj.smith", "aud.garcia"), null),
                new Endpoint("GET", "/api/users", List.of("admin"), null),
                new Endpoint("POST", "/api/officers/MX-M-1/corrections", List.of("hr.lopez"),
                        Map.of("remove", List.of("e1"), "reasons", "Matrix test.")),
                new Endpoint("GET", "/api/corrections", List.of("hr.lopez", "adj.smith", "aud.garcia"), null),
                new Endpoint("POST", "/api/corrections/CORRECTION/approve", List.of("adj.smith"),
                        Map.of("reasons", "Matrix test.")),
                new Endpoint("POST", "/api/corrections/CORRECTION/reject", List.of("adj.smith"),
                        Map.of("reasons", "Matrix test.")),
                new Endpoint("POST", "/api/users/FRESHUSER/disable", List.of("admin"), Map.of()),
                new Endpoint("POST", "/api/users/FRESHUSER/enable", List.of("admin"), Map.of()),
                new Endpoint("POST", "/api/users/PENDINGUSER/approve", List.of("admin"), Map.of()),
                new Endpoint("POST", "/api/users/FRESHUSER/roles", List.of("admin"),
                        Map.of("roles", List.of("VETTING_OFFICER"), "countries", List.of("MX"))),
                new Endpoint("GET", "/api/audit/sign-ins", List.of("aud.garcia"), null),
                new Endpoint("POST", "/api/me/password", SIGNED_IN, "SAMEPASSWORD"),
                new Endpoint("GET", "/api/record-schema", SIGNED_IN, null),
                new Endpoint("POST", "/api/watchlists/FRESHLIST/versions", List.of("pol.ruiz"), "LIST"),
                new Endpoint("POST", "/api/watchlists/PENDINGLIST/versions/2/approve", List.of("pol.ruiz"),
                        Map.of("reasons", "Matrix test.")),
                new Endpoint("POST", "/api/watchlists/PENDINGLIST/versions/2/reject", List.of("pol.ruiz"),
                        Map.of("reasons", "Matrix test.")),
                new Endpoint("GET", "/api/watchlists", List.of("adj.smith", "aud.garcia", "pol.ruiz"), null),
                new Endpoint("GET", "/api/watchlists/MATRIX-L/entries?q=Olmedo", List.of("adj.smith", "aud.garcia",
                        "pol.ruiz"), null),
                new Endpoint("GET", "/api/adverse-cases", READS_CASES, null),
                new Endpoint("GET", "/api/adverse-cases/ADVCASE", READS_CASES, null),
                new Endpoint("GET", "/api/adverse-cases/ADVCASE/letters/ADVLETTER", READS_CASES, null),
                new Endpoint("POST", "/api/adverse-cases/FRESHCASE-PROPOSED/notice", List.of("adj.smith"),
                        Map.of("reasons", "Matrix test.")),
                new Endpoint("POST", "/api/adverse-cases/ADVCASE/replies", List.of("hr.lopez"),
                        Map.of("text", "Matrix test.")),
                new Endpoint("POST", "/api/adverse-cases/FRESHCASE-NOTICED/extension", List.of("adj.smith"),
                        Map.of("days", 5, "reasons", "Matrix test.")),
                new Endpoint("POST", "/api/adverse-cases/FRESHCASE-REPLIED/reconsideration", List.of("adj.smith"),
                        Map.of("decision", "UPHOLD", "reasons", "Matrix test.")),
                new Endpoint("POST", "/api/adverse-cases/FRESHCASE-FINAL/appeal", List.of("hr.lopez"),
                        Map.of("text", "Matrix test.")),
                // only the APPEALS_BOARD votes, a role none of the callers holds
                new Endpoint("POST", "/api/adverse-cases/ADVCASE/votes", new java.util.ArrayList<>(),
                        Map.of("vote", "UPHOLD", "reasons", "Matrix test.")),
                new Endpoint("GET", "/api/screening-hits", List.of("adj.smith", "aud.garcia"), null),
                new Endpoint("GET", "/api/screening-hits/HIT", List.of("adj.smith", "aud.garcia"), null),
                new Endpoint("POST", "/api/screening-hits/FRESHHIT/review", List.of("adj.smith"),
                        Map.of("decision", "CONFIRM", "reasons", "Matrix test.")),
                new Endpoint("POST", "/api/session", CALLERS, Map.of("username", "hr.lopez", "password",
                        TestApp.PASSWORD)),
                // the steps of a session read its cookie: HTTP Basic opens none of them (401 for everyone)
                new Endpoint("GET", "/api/session", SESSION_ONLY, null),
                new Endpoint("POST", "/api/session/totp", SESSION_ONLY, Map.of("code", "123456")),
                new Endpoint("POST", "/api/session/recovery", SESSION_ONLY, Map.of("code", "ABCD-EFGH")),
                new Endpoint("POST", "/api/session/reauthenticate", SESSION_ONLY, Map.of("code", "123456")),
                new Endpoint("POST", "/api/session/webauthn/options", SESSION_ONLY, Map.of()),
                new Endpoint("POST", "/api/session/webauthn", SESSION_ONLY, Map.of("credential", Map.of("id", "AAAA"))),
                new Endpoint("DELETE", "/api/session", SESSION_ONLY, null),
                new Endpoint("POST", "/api/me/factors/totp", SESSION_ONLY, Map.of()),
                new Endpoint("POST", "/api/me/factors/totp/F1/confirm", SESSION_ONLY, Map.of("code", "123456")),
                new Endpoint("POST", "/api/me/factors/webauthn/options", SESSION_ONLY, Map.of()),
                new Endpoint("POST", "/api/me/factors/webauthn", SESSION_ONLY, Map.of("label", "key", "credential",
                        Map.of("id", "AAAA"))),
                new Endpoint("GET", "/api/me/factors", SESSION_ONLY, null),
                new Endpoint("DELETE", "/api/me/factors/F1", SESSION_ONLY, null),
                new Endpoint("GET", "/api/users/FRESHUSER/sessions", List.of("admin"), null),
                new Endpoint("DELETE", "/api/users/FRESHUSER/sessions", List.of("admin"), null),
                new Endpoint("POST", "/api/users/FRESHUSER/factors/reset", List.of("admin"), Map.of()));
    }

    /** Endpoints of a session's own steps: refused to every caller without a session cookie. */
    static final List<String> SESSION_ONLY = List.of();

    /** Every resource method of the service has its row above: a new endpoint cannot go unchecked. */
    @Test
    void shouldCoverEveryEndpointOfTheService() {
        List<String> missing = new ArrayList<>();
        for (Class<?> resource : new ClassFileImporter().importPackages("org.vetting.resources").stream()
                .filter(c -> c.isAnnotatedWith(Path.class)).map(JavaClass::reflect).toList()) {
            String base = "/api" + resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                        : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                String path = base + (m.isAnnotationPresent(Path.class) ? "/" + m.getAnnotation(Path.class).value() : "");
                Pattern template = Pattern.compile(path.replaceAll("/+", "/").replaceAll("\\{[^}]+}", "[^/]+"));
                if (endpoints().stream().noneMatch(e -> e.method().equals(verb) && template.matcher(e.path().replaceFirst("\\?.*", "")).matches())) {
                    missing.add(verb + " " + path);
                }
            }
        }
        assertThat(missing).as("endpoints without a row in the authorization matrix").isEmpty();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            for (String caller : CALLERS) {
                cases.add(Arguments.of(e.method() + " " + e.path(), caller, e));
            }
        }
        return cases.stream();
    }

    @BeforeAll
    static void data() {
        APP.createStaff();
        APP.createUser("pol.ruiz", "POLICY_OFFICER");
        APP.createUser("pol.other", "POLICY_OFFICER");
        APP.createUser("adj.other", "ADJUDICATOR");
        APP.createAdmin("admin2");
        try (Response r = APP.post("hr.lopez", "/api/candidates", Records.clean("MX-M-1"))) {
            eligible = r.readEntity(JsonNode.class).get("evaluationId").asText();
        }
        active = APP.as("admin", "/api/rulesets/active").get(JsonNode.class).get("version").asText();
        draft = Policy.propose(APP, "pol.other", "matrix draft");
        unbacktested = Policy.propose(APP, "pol.other", "matrix draft, never backtested");
        backtest = Policy.backtest(APP, "pol.other", draft);
        importList("pol.other", "MATRIX-L", LISTED, 201);
        hit = freshHit();
        adverseCase = adverseCase("NOTICED");
        adverseLetter = APP.get("adj.smith", "/api/adverse-cases/" + adverseCase).get("letters").get(0).get("letterId")
                .asText();
    }

    /** A new adverse case (a conviction proposes a denial), walked up to {@code stage}. */
    static String adverseCase(String stage) {
        JsonNode e = APP.submit("hr.lopez", Records.convicted("MX-M-ADV-" + System.nanoTime()));
        String id = e.get("adverseCase").get("caseId").asText();
        List<String> steps = List.of("PROPOSED", "NOTICED", "REPLIED", "FINAL");
        int upTo = steps.indexOf(stage);
        if (upTo >= 1) {
            step("adj.other", id, "notice", Map.of("reasons", "Matrix setup."));
        }
        if (upTo >= 2) {
            step("hr.lopez", id, "replies", Map.of("text", "Matrix setup."));
        }
        if (upTo >= 3) {
            step("adj.smith", id, "reconsideration", Map.of("decision", "UPHOLD", "reasons", "Matrix setup."));
        }
        return id;
    }

    static void step(String user, String caseId, String step, Map<String, Object> body) {
        try (Response r = APP.post(user, "/api/adverse-cases/" + caseId + "/" + step, body)) {
            assertThat(r.getStatus()).as(r.readEntity(String.class)).isEqualTo(200);
        }
    }


    static void importList(String user, String list, String csv, int status) {
        try (Response r = APP.post(user, "/api/watchlists/" + list + "/versions", list(csv))) {
            assertThat(r.getStatus()).as(r.readEntity(String.class)).isEqualTo(status);
        }
    }

    static Map<String, Object> list(String csv) {
        return Map.of("format", "csv", "files", Map.of("list.csv", csv));
    }

    /** An officer named like an entry of MATRIX-L: a new possible match to review. */
    static String freshHit() {
        var r = Records.clean("MX-M-HIT-" + System.nanoTime());
        r.put("givenName", "Zacarías");
        r.put("familyName", "Olmedo Preciado");
        try (Response resp = APP.post("hr.lopez", "/api/candidates", r)) {
            return resp.readEntity(JsonNode.class).get("screening").get("hits").get(0).get("hitId").asText();
        }
    }

    /** A list whose second version removes an entry and waits for approval. */
    static String pendingList() {
        String list = "MATRIX-P-" + System.nanoTime();
        importList("pol.other", list, LISTED, 201);
        importList("pol.other", list, LISTED.substring(0, LISTED.indexOf("L2,")), 201);
        return list;
    }

    /** A fresh pending correction (an officer submitted, the removal of an exam proposed) per decision call. */
    static String freshCorrection() {
        String officer = "MX-M-COR-" + System.nanoTime();
        APP.post("hr.lopez", "/api/candidates", Records.clean(officer)).close();
        try (Response r = APP.post("hr.lopez", "/api/officers/" + officer + "/corrections",
                Map.of("remove", List.of("e1"), "reasons", "Matrix test."))) {
            assertThat(r.getStatus()).isEqualTo(201);
            return r.readEntity(JsonNode.class).get("correctionId").asText();
        }
    }

    /** A fresh REFERRED case per adjudication call, so every allowed call can decide one. */
    static String freshReferred() {
        var r = Records.clean("MX-M-REF-" + System.nanoTime());
        Records.list(r, "criminalRecords").add(Map.of("id", "c1", "category", "THEFT", "status", "CHARGED",
                "date", "2026-01-01"));
        try (Response resp = APP.post("hr.lopez", "/api/candidates", r)) {
            return resp.readEntity(JsonNode.class).get("evaluationId").asText();
        }
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void shouldAuthorizeByRole(String name, String caller, Endpoint e) {
        String path = e.path().replace("ELIGIBLE", eligible);
        if (path.contains("CORRECTION")) {
            path = path.replace("CORRECTION", freshCorrection());
        }
        if (path.contains("PENDINGUSER")) {
            // a privileged grant asked for by the second administrator, for the first to approve
            String target = "u-pending-" + System.nanoTime();
            try (Response r = APP.post("admin2", "/api/users", Map.of("username", target, "password",
                    TestApp.PASSWORD, "roles", List.of("ADJUDICATOR"), "countries", TestApp.COUNTRIES))) {
                assertThat(r.getStatus()).isEqualTo(202);
            }
            path = path.replace("PENDINGUSER", target);
        }
        if (path.contains("FRESHUSER")) {
            String target = "u-target-" + System.nanoTime();
            APP.createUser(target, "VETTING_OFFICER");
            path = path.replace("FRESHUSER", target);
        }
        path = path.replace("ACTIVEVERSION", active).replace("UNBACKTESTED", unbacktested)
                .replace("BACKTEST", backtest);
        if (path.contains("FRESHDRAFT")) {
            // a draft to reject for the one caller who reaches the service; the others are refused first
            path = path.replace("FRESHDRAFT", caller.equals("pol.ruiz") ? Policy.propose(APP, "pol.other", "to reject")
                    : unbacktested);
        }
        path = path.replace("DRAFT", draft);
        path = path.replace("FRESHLIST", "MATRIX-F-" + System.nanoTime()).replace("FRESHHIT", caller.equals("adj.smith")
                ? freshHit() : hit).replace("/HIT", "/" + hit);
        if (path.contains("PENDINGLIST")) {
            path = path.replace("PENDINGLIST", caller.equals("pol.ruiz") ? pendingList() : "MATRIX-L");
        }
        java.util.regex.Matcher fresh = java.util.regex.Pattern.compile("FRESHCASE-(\\w+)").matcher(path);
        if (fresh.find()) {
            // a case at the stage the step needs, for the caller allowed to take it; the others are refused first
            path = path.replace(fresh.group(), e.allowed().contains(caller) ? adverseCase(fresh.group(1)) : adverseCase);
        }
        path = path.replace("ADVCASE", adverseCase).replace("ADVLETTER", adverseLetter);
        if (path.contains("REFERRED")) {
            path = path.replace("REFERRED", freshReferred());
        }
        Object body = e.body();
        if ("candidate".equals(body)) {
            body = Records.clean("MX-M-C-" + System.nanoTime());
        } else if ("SAMEPASSWORD".equals(body)) {
            // reaches the service (a 422: the new password must differ) without changing anyone's password
            body = Map.of("current", TestApp.PASSWORD, "new", TestApp.PASSWORD);
        } else if ("batch".equals(body)) {
            body = Map.of("records", List.of(Records.clean("MX-M-B-" + System.nanoTime())));
        } else if ("PROPOSAL".equals(body)) {
            body = Policy.proposal("matrix " + System.nanoTime(), java.util.function.UnaryOperator.identity());
        } else if ("NOBACKTEST".equals(body)) {
            body = Map.of("reasons", "Matrix test.");
        } else if ("LIST".equals(body)) {
            body = list(LISTED);
        } else if ("user".equals(body)) {
            body = Map.of("username", "u" + System.nanoTime(), "password", TestApp.PASSWORD, "roles", List.of("AUDITOR"),
                    "countries", TestApp.COUNTRIES);
        }
        Invocation.Builder b = caller.equals("(none)") ? APP.request(path, null, null) : APP.as(caller, path);
        int status;
        try (Response r = e.method().equals("GET") ? b.get() : e.method().equals("DELETE") ? b.delete()
                : b.post(Entity.json(body))) {
            status = r.getStatus();
            if (status >= 400) {
                assertThat(r.readEntity(JsonNode.class).get("code").asInt()).isEqualTo(status);
            }
        }
        if (e.allowed() == SESSION_ONLY) {
            assertThat(status).as("no session cookie").isEqualTo(401);
        } else if (e.allowed().contains(caller)) {
            // reaching the service: a 2xx, or the refusal that proves the call got past authorization
            int highest = "SAMEPASSWORD".equals(e.body()) ? 422 : "NOBACKTEST".equals(e.body()) ? 409 : 299;
            assertThat(status).as("allowed").isBetween(200, highest);
        } else if (caller.equals("(none)")) {
            assertThat(status).isEqualTo(401);
        } else {
            assertThat(status).isEqualTo(403);
        }
    }
}
