package org.vetting.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetting.support.TestApp.expect;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vetting.support.Chromium;
import org.vetting.support.Keycloak;
import org.vetting.support.OffsetClock;
import org.vetting.support.SingleSignOnApp;
import org.vetting.support.TestApp;

/**
 * Agency single sign-on in Chromium, against a real Keycloak: "Sign in with your agency" on the
 * sign-in page, Keycloak's own login page, back in the interface signed in; a second signature
 * (approving a privileged role) asks the agency again in a window of its own while the page keeps
 * its place; signing out ends the session here and at the provider. Screenshots in both languages.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SingleSignOnBrowserTest {
    static final SingleSignOnApp SSO = new SingleSignOnApp();
    static final Keycloak KEYCLOAK = SSO.keycloak;
    static final OffsetClock CLOCK = SSO.clock;
    static final int PORT = SSO.port;
    static final String SERVICE = SSO.service;
    static final TestApp APP = SSO.app;
    static final DropwizardAppExtension<?> EXT = APP.app;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        APP.createStaff();
        expect(APP.post("admin", "/api/users", Map.of("username", "adj.sso", "roles", List.of("ADMIN"))), 201);
        KEYCLOAK.ready(); // started beside the service and the browser: up by now, or soon
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        KEYCLOAK.close();
    }

    /** Keycloak's login page (its own form), filled as the person would. */
    static void keycloakSignIn(String user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        assertThat(browser.getCurrentUrl()).startsWith(KEYCLOAK.issuer());
        // asked again (prompt=login), Keycloak shows the name it knows and asks for the password only
        if (!browser.findElements(By.id("username")).isEmpty()) {
            browser.findElement(By.id("username")).clear();
            browser.findElement(By.id("username")).sendKeys(user);
        } else {
            assertThat(browser.findElement(By.id("kc-form-login")).getText() + browser.getPageSource()).contains(user);
        }
        browser.findElement(By.id("password")).sendKeys(Keycloak.password(user));
        browser.findElement(By.id("kc-login")).click();
    }

    @Test
    void shouldSignInThroughTheAgency_ReauthenticateThereForASecondSignature_AndSignOutThere() {
        browser.get(SERVICE + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sso-signin")));
        new Select(browser.findElement(By.id("lang"))).selectByValue("es");
        wait.until(ExpectedConditions.textToBe(By.id("sso-signin"), "Iniciar sesión con su institución"));
        Chromium.shot(browser, "30-sso-sign-in-es");
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBe(By.id("sso-signin"), "Sign in with your agency"));
        Chromium.shot(browser, "30-sso-sign-in");
        browser.findElement(By.id("sso-signin")).click();
        keycloakSignIn("adj.sso");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "adj.sso"));
        assertThat(browser.getCurrentUrl()).isEqualTo(SERVICE + "/");
        assertThat(browser.findElements(By.cssSelector("button[data-section=security]")))
                .as("the agency keeps their factors").isEmpty();
        Chromium.shot(browser, "31-sso-signed-in");

        // a privileged role waits for a second administrator; six minutes on, approving it asks the agency again
        expect(APP.post("admin", "/api/users", Map.of("username", "adj.pending", "password", TestApp.PASSWORD,
                "roles", List.of("ADJUDICATOR"), "countries", TestApp.COUNTRIES)), 202);
        CLOCK.advance(Duration.ofMinutes(6));
        browser.findElement(By.cssSelector("button[data-section=users]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-approve='adj.pending']")));
        browser.findElement(By.cssSelector("button[data-approve='adj.pending']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reauth-sso")));
        Chromium.shot(browser, "32-sso-reauthenticate");
        String page = browser.getWindowHandle();
        browser.findElement(By.id("reauth-sso")).click();
        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        String popup = browser.getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst().orElseThrow();
        browser.switchTo().window(popup);
        keycloakSignIn("adj.sso");
        browser.switchTo().window(page);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("reauthenticate")));
        wait.until(d -> APP.count("pending_grants WHERE username = 'adj.pending'") == 0);
        assertThat(APP.count("sign_in_events WHERE username = 'adj.sso' AND outcome = 'REAUTHENTICATED'")).isEqualTo(1);
        Chromium.shot(browser, "33-sso-approved");

        browser.findElement(By.id("signout")).click();
        // Keycloak asks whether to sign out there too, then returns to the service
        wait.until(ExpectedConditions.urlContains(KEYCLOAK.issuer()));
        Chromium.shot(browser, "34-sso-provider-logout");
        browser.findElement(By.id("kc-logout")).click();
        wait.until(ExpectedConditions.urlToBe(SERVICE + "/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sso-signin")));
        assertThat(APP.count("sessions WHERE username = 'adj.sso' AND ended_at IS NULL")).isZero();
    }
}
