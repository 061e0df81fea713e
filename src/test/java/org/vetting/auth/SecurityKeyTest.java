package org.vetting.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetting.support.TestApp.expect;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.MovableClock;
import org.vetting.support.SoftwareKey;
import org.vetting.support.TestApp;

/**
 * Security keys and passkeys (WebAuthn) as second factors, through the real path, against a key in
 * software written from the specification ({@link SoftwareKey}): registered at the first sign-in
 * (ten recovery codes, the session signed in under a new identifier), then signing in and
 * re-authenticating with it. Refused, each leaving the session where it was: an answer from another
 * origin (a phishing site), from a key not registered, from a clone whose counter lags, to options
 * already answered or expired, and malformed answers (422 naming the field).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SecurityKeyTest {
    static final MovableClock CLOCK = new MovableClock(TestApp.TODAY);
    static final TestApp APP = TestApp.withSecondFactor(CLOCK);
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void staff() {
        APP.createStaff();
        for (String user : new String[] {"key.a", "key.b", "key.c", "key.d", "key.e", "key.f"}) {
            APP.createUser(user, "VETTING_OFFICER");
        }
    }

    @AfterEach
    void clockBack() {
        CLOCK.moveTo(TestApp.TODAY);
    }

    /** What the browser's origin is: the service's own address (the relying party is localhost, any port). */
    static String origin() {
        return "http://localhost:" + EXT.getLocalPort();
    }

    /** A session at some stage: its cookie and CSRF token. */
    record Held(String cookie, String csrf) {
        Response post(String path, Object body) {
            return APP.request(path, null, null).cookie(TestApp.SESSION_COOKIE, cookie).header("X-CSRF-Token", csrf)
                    .post(Entity.json(body));
        }

        Response get(String path) {
            return APP.request(path, null, null).cookie(TestApp.SESSION_COOKIE, cookie).get();
        }

        /** The status of a GET made with this session (the answer read and closed). */
        int status(String path) {
            try (Response r = get(path)) {
                return r.getStatus();
            }
        }

        /** The session under the identifier an answer that signed it in gave. */
        Held renewed(Response r) {
            return new Held(r.getCookies().get(TestApp.SESSION_COOKIE).getValue(), csrf);
        }
    }

    static Held password(String user, String expectedStatus) {
        try (Response r = APP.request("/api/session", null, null)
                .post(Entity.json(Map.of("username", user, "password", TestApp.PASSWORD)))) {
            JsonNode body = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(body.toString()).isEqualTo(200);
            assertThat(body.get("status").asText()).isEqualTo(expectedStatus);
            return new Held(r.getCookies().get(TestApp.SESSION_COOKIE).getValue(), body.get("csrfToken").asText());
        }
    }

    /** Registers a key for a user at their first sign-in: the signed-in session and the answer's body. */
    static Held enrolWithKey(String user, SoftwareKey key) {
        Held first = password(user, "ENROLMENT_REQUIRED");
        JsonNode options = expect(first.post("/api/me/factors/webauthn/options", Map.of()), 200);
        Response r = first.post("/api/me/factors/webauthn", Map.of("label", "YubiKey 5", "credential",
                key.register(options, origin())));
        Held signedIn = first.renewed(r);
        assertThat(expect(r, 200).get("recoveryCodes")).hasSize(10);
        return signedIn;
    }

    static JsonNode signInOptions(Held held) {
        return expect(held.post("/api/session/webauthn/options", Map.of()), 200);
    }

    @Test
    void shouldRegisterAKeyAtTheFirstSignIn_ThenSignInWithIt() {
        SoftwareKey key = new SoftwareKey();
        Held first = password("key.a", "ENROLMENT_REQUIRED");
        JsonNode options = expect(first.post("/api/me/factors/webauthn/options", Map.of()), 200);
        JsonNode pk = options.get("publicKey");
        assertThat(pk.get("rp").get("id").asText()).isEqualTo("localhost");
        assertThat(pk.get("challenge").asText()).hasSizeGreaterThanOrEqualTo(43); // 32 random bytes
        assertThat(pk.get("user").get("name").asText()).isEqualTo("key.a");
        assertThat(pk.get("user").get("id").asText()).as("the user handle is random, not the name")
                .doesNotContain("key.a").hasSize(43);
        Response registered = first.post("/api/me/factors/webauthn", Map.of("label", "YubiKey 5", "credential",
                key.register(options, origin())));
        Held signedIn = first.renewed(registered);
        assertThat(expect(registered, 200).get("recoveryCodes")).hasSize(10);
        assertThat(signedIn.cookie()).as("a new identifier once signed in").isNotEqualTo(first.cookie());
        JsonNode me = expect(signedIn.get("/api/me"), 200);
        assertThat(me.get("signedInWith").asText()).isEqualTo("password+webauthn");
        assertThat(me.get("methods").toString()).isEqualTo("[\"webauthn\",\"recovery\"]");
        JsonNode factors = expect(signedIn.get("/api/me/factors"), 200);
        assertThat(factors.get("factors")).hasSize(1);
        assertThat(factors.get("factors").get(0).get("kind").asText()).isEqualTo("WEBAUTHN");
        assertThat(factors.get("factors").get(0).get("label").asText()).isEqualTo("YubiKey 5");

        // the next sign-in asks for the key: the options name it, its answer signs the session in
        Held again = password("key.a", "SECOND_FACTOR_REQUIRED");
        JsonNode get = signInOptions(again);
        assertThat(get.get("publicKey").get("allowCredentials").get(0).get("id").asText()).isEqualTo(key.id());
        ObjectNode answer = key.sign(get, origin());
        Response proved = again.post("/api/session/webauthn", Map.of("credential", answer));
        Held second = again.renewed(proved);
        assertThat(expect(proved, 200).get("status").asText()).isEqualTo("SIGNED_IN");
        assertThat(expect(second.get("/api/me"), 200).get("signedInWith").asText()).isEqualTo("password+webauthn");

        // the same answer again, on a new sign-in: its challenge was spent
        Held third = password("key.a", "SECOND_FACTOR_REQUIRED");
        expect(third.post("/api/session/webauthn", Map.of("credential", answer)), 409);
        signInOptions(third);
        expect(third.post("/api/session/webauthn", Map.of("credential", answer)), 401);
        assertThat(third.status("/api/me")).as("still not signed in").isEqualTo(401);
        assertThat(APP.count("sign_in_events WHERE username = 'key.a' AND outcome = 'WRONG_CODE' AND method = 'webauthn'"))
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseAnAnswerFromALookAlikeSite_AnotherKey_OrAClone() {
        SoftwareKey key = new SoftwareKey();
        enrolWithKey("key.b", key);
        SoftwareKey clone = key.copy();

        Held phished = password("key.b", "SECOND_FACTOR_REQUIRED");
        expect(phished.post("/api/session/webauthn", Map.of("credential",
                key.sign(signInOptions(phished), "https://vetting-service.example-login.com"))), 401);
        expect(phished.post("/api/session/webauthn", Map.of("credential",
                new SoftwareKey().sign(signInOptions(phished), origin()))), 401);
        assertThat(phished.status("/api/me")).isEqualTo(401);

        // the key signs in (its counter now ahead); the clone, still at the old count, is refused
        Held half = password("key.b", "SECOND_FACTOR_REQUIRED");
        Response proved = half.post("/api/session/webauthn", Map.of("credential", key.sign(signInOptions(half), origin())));
        Held real = half.renewed(proved);
        expect(proved, 200);
        key.sign(signInOptions(real), origin()); // a use the service never saw does not matter: the count only grows
        Held cloned = password("key.b", "SECOND_FACTOR_REQUIRED");
        expect(cloned.post("/api/session/webauthn", Map.of("credential", clone.sign(signInOptions(cloned), origin()))),
                401);
        assertThat(APP.count("sign_in_events WHERE username = 'key.b' AND outcome = 'WRONG_CODE' AND method = 'webauthn'"))
                .isEqualTo(3);
    }

    @Test
    void shouldReauthenticateWithTheKey_ForASecondSignature() {
        SoftwareKey key = new SoftwareKey();
        Held s = enrolWithKey("key.c", key);
        CLOCK.advance(Duration.ofMinutes(10));
        String before = expect(s.get("/api/me"), 200).get("secondFactorAt").asText();
        JsonNode options = signInOptions(s);
        JsonNode at = expect(s.post("/api/session/reauthenticate", Map.of("credential", key.sign(options, origin()))), 200);
        assertThat(at.get("secondFactorAt").asText()).isNotEqualTo(before);
        assertThat(APP.count("sign_in_events WHERE username = 'key.c' AND outcome = 'REAUTHENTICATED' AND method = 'webauthn'"))
                .isEqualTo(1);
        // an answer to no options proves nothing
        expect(s.post("/api/session/reauthenticate", Map.of("credential", key.sign(options, origin()))), 409);
    }

    @Test
    void shouldRefuseMalformedRegistrations_NamingTheField_AndExpiredOptions() {
        SoftwareKey key = new SoftwareKey();
        Held first = password("key.d", "ENROLMENT_REQUIRED");
        JsonNode options = expect(first.post("/api/me/factors/webauthn/options", Map.of()), 200);
        assertThat(expect(first.post("/api/me/factors/webauthn", Map.of("credential", key.register(options, origin()))),
                422).toString()).contains("label");
        assertThat(expect(first.post("/api/me/factors/webauthn", Map.of("label", "k", "credential", "not an object")),
                422).toString()).contains("credential");
        // a malformed answer spends the options it answered (a challenge is answered once)
        assertThat(expect(first.post("/api/me/factors/webauthn", Map.of("label", "k", "credential",
                Map.of("id", "AAAA", "type", "public-key"))), 422).toString()).contains("credential");
        assertThat(expect(first.post("/api/me/factors/webauthn", Map.of("label", "k", "credential",
                Map.of("id", "AAAA", "type", "public-key"))), 409).toString()).contains("options");
        options = expect(first.post("/api/me/factors/webauthn/options", Map.of()), 200);
        CLOCK.advance(Duration.ofMinutes(6));
        expect(first.post("/api/me/factors/webauthn", Map.of("label", "k", "credential", key.register(options, origin()))),
                401);
        assertThat(APP.count("second_factors WHERE username = 'key.d'")).isZero();
        assertThat(first.status("/api/me")).as("still enrolling").isEqualTo(401);
    }

    @Test
    void shouldAddAKeyBesideAnApp_WithoutNewRecoveryCodes_AndNeverTheSameKeyTwice() {
        TestApp.SignedIn s = APP.signIn("key.e"); // an authenticator app
        Held held = new Held(s.id(), s.csrf());
        SoftwareKey key = new SoftwareKey();
        JsonNode options = expect(held.post("/api/me/factors/webauthn/options", Map.of()), 200);
        JsonNode answer = key.register(options, origin());
        assertThat(expect(held.post("/api/me/factors/webauthn", Map.of("label", "Passkey", "credential", answer)), 200)
                .get("recoveryCodes")).isEmpty();
        assertThat(expect(held.get("/api/me/factors"), 200).get("factors")).hasSize(2);
        JsonNode again = expect(held.post("/api/me/factors/webauthn/options", Map.of()), 200);
        assertThat(again.get("publicKey").get("excludeCredentials").get(0).get("id").asText()).isEqualTo(key.id());
        expect(held.post("/api/me/factors/webauthn", Map.of("label", "Passkey", "credential",
                key.register(again, origin()))), 409);
        Held next = password("key.e", "SECOND_FACTOR_REQUIRED");
        assertThat(expect(next.get("/api/session"), 200).get("methods").toString())
                .isEqualTo("[\"webauthn\",\"totp\",\"recovery\"]");
    }

    @Test
    void shouldRefuseAMissingOrMalformedAssertion_NamingTheField_BeforeSpendingTheOptions() {
        SoftwareKey key = new SoftwareKey();
        enrolWithKey("key.f", key);
        Held half = password("key.f", "SECOND_FACTOR_REQUIRED");
        JsonNode options = signInOptions(half);
        assertThat(expect(half.post("/api/session/webauthn", Map.of()), 422).toString()).contains("credential");
        assertThat(expect(half.post("/api/session/webauthn", Map.of("credential", List.of(1, 2))), 422).toString())
                .contains("credential");
        // the options still wait: the key's answer to them signs in
        expect(half.post("/api/session/webauthn", Map.of("credential", key.sign(options, origin()))), 200);
        assertThat(APP.count("sign_in_events WHERE username = 'key.f' AND outcome = 'WRONG_CODE'")).isZero();
    }
}
