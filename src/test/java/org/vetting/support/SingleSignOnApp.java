package org.vetting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import io.dropwizard.testing.ConfigOverride;

/**
 * The service with agency single sign-on against a real Keycloak ({@link Keycloak}), for one test
 * class: on a port chosen before it starts (its public URL, which the redirect URI is made from,
 * names it), second factors required, on the real clock moved on by the test (the provider's tokens
 * carry the real time).
 */
public final class SingleSignOnApp {
    public final Keycloak keycloak;
    public final OffsetClock clock = new OffsetClock();
    public final int port = freePort();
    /** The address users reach the service at, e.g. {@code http://localhost:41234}. */
    public final String service = "http://localhost:" + port;
    public final TestApp app;

    /** The service with a Keycloak of its own, started beside it. */
    public SingleSignOnApp() {
        this(Keycloak.start(), null);
    }

    /** Another service on the same Keycloak, asking for the assurance {@code acr} (VETTING_OIDC_ACR). */
    public SingleSignOnApp(Keycloak keycloak, String acr) {
        this.keycloak = keycloak;
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", Integer.toString(port)),
                ConfigOverride.config("signIn.publicUrl", service),
                ConfigOverride.config("signIn.oidc.issuer", keycloak.issuer()),
                ConfigOverride.config("signIn.oidc.clientId", Keycloak.CLIENT_ID),
                ConfigOverride.config("signIn.oidc.clientSecret", Keycloak.CLIENT_SECRET)));
        if (acr != null) {
            overrides.add(ConfigOverride.config("signIn.oidc.acr", acr));
        }
        this.app = TestApp.withSecondFactor(clock, overrides.toArray(ConfigOverride[]::new));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
