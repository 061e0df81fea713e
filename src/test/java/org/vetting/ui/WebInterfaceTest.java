package org.vetting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vetting.support.Policy;
import org.vetting.support.Lists;
import org.vetting.support.Records;
import org.vetting.support.MovableClock;
import org.vetting.support.Chromium;
import org.vetting.support.TestApp;

/**
 * Each role's main path through the web interface, in headless Chromium (Debian's chromium and
 * chromium-driver; .ci/run installs them): a vetting officer submits a candidate and reads its
 * flags, an adjudicator decides it, the commander's roster changes, an auditor finds and replays
 * the decision, an administrator creates a user, and the interface switches to Spanish.
 * Screenshots of each page go to target/screenshots.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WebInterfaceTest {
    /** The service's clock: each sign-in moves it on half a minute, so that each takes a fresh code. */
    static final MovableClock CLOCK = new MovableClock(TestApp.TODAY);
    /** As shipped: every person proves a second factor (an authenticator app, enrolled at the first sign-in). */
    static final TestApp APP = TestApp.withSecondFactor(CLOCK);
    static final DropwizardAppExtension<?> EXT = APP.app;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        browser = Chromium.start();
        APP.createStaff();
        APP.createUser("pol.a", "POLICY_OFFICER");
        APP.createUser("pol.b", "POLICY_OFFICER");
        APP.createUser("adj.jones", "ADJUDICATOR");
        APP.createUser("board.a", "APPEALS_BOARD");
        APP.createUser("board.b", "APPEALS_BOARD");
        // a security key plugged in: Chromium's virtual authenticator (CTAP2 over USB, the person present
        // and verified), which answers the page's WebAuthn calls as a real key would
        ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Who signs in with a security key (registered in the browser at their first sign-in); the rest use an app. */
    static final Set<String> KEY_HOLDERS = Set.of("adj.smith");

    /**
     * Signs in through the page: the password, then the second factor — a security key for {@link
     * #KEY_HOLDERS}, registered at their first sign-in with the browser's virtual authenticator; for
     * the rest an authenticator app, enrolled here at their first sign-in (the key read off the page,
     * the QR code beside it), its code computed as the app would. The recovery codes are shown once.
     */
    static void signIn(String user) {
        CLOCK.advance(java.time.Duration.ofSeconds(30));
        browser.get(APP.url("/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#signin")));
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(TestApp.password(user));
        browser.findElement(By.cssSelector("#signin button[type=submit]")).click();
        wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("factor")),
                ExpectedConditions.visibilityOfElementLocated(By.id("use-key")),
                ExpectedConditions.visibilityOfElementLocated(By.id("enrol"))));
        boolean key = KEY_HOLDERS.contains(user);
        if (!browser.findElements(By.id("enrol")).isEmpty()) {
            if (key) {
                shot("00a-enrol-security-key");
                browser.findElement(By.id("register-key")).click();
            } else {
                assertThat(browser.findElements(By.cssSelector("#totp-qr rect"))).hasSizeGreaterThan(100);
                APP.rememberSecret(user, browser.findElement(By.id("totp-secret")).getText());
                if (user.equals("hr.lopez")) {
                    shot("00-enrol-authenticator");
                }
                browser.findElement(By.cssSelector("#enrol input[name=code]")).sendKeys(APP.nextCode(user));
                browser.findElement(By.cssSelector("#enrol button[type=submit]")).click();
            }
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-codes")));
            assertThat(browser.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
            browser.findElement(By.id("recovery-saved")).click();
        } else if (key) {
            assertThat(browser.findElements(By.cssSelector("#factor input[name=code]"))).as("no app enrolled").isEmpty();
            shot("00b-sign-in-security-key");
            browser.findElement(By.id("use-key")).click();
        } else {
            browser.findElement(By.cssSelector("#factor input[name=code]")).sendKeys(APP.nextCode(user));
            browser.findElement(By.cssSelector("#factor button[type=submit]")).click();
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signout")));
    }

    static void signOut() {
        browser.findElement(By.id("signout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#signin")));
    }

    /**
     * A screenshot of the page as it stands, which must show no "null" or "undefined" where a value
     * was missing (a record shown as JSON, as an auditor reads the input, keeps its {@code "x": null}).
     */
    static void shot(String name) {
        String shown = browser.findElement(By.tagName("body")).getText();
        assertThat(shown).as(name + " shows a missing value")
                .doesNotContainPattern("(?<!\": )\\b(null|undefined)\\b");
        Chromium.shot(browser, name);
    }

    /** After sign-in, a commander, adjudicator or auditor lands on their start page: wait for it to be drawn. */
    static void home() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .figures")));
    }

    static void section(String key) {
        WebElement b = browser.findElement(By.cssSelector("nav button[data-section='" + key + "']"));
        b.click();
    }

    static WebElement byField(String path) {
        return browser.findElement(By.cssSelector("[data-field='" + path + "']"));
    }

    /**
     * Searches the audit history for one officer and waits for the answer: the table of the first,
     * unfiltered load is replaced, so it is waited out before anything in the new one is clicked.
     */
    static void searchHistory(String officerId) {
        WebElement first = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("history")));
        browser.findElement(By.cssSelector("#search input[name=officerId]")).sendKeys(officerId);
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(first));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), officerId));
    }

    static void addRow(String list, String... values) {
        browser.findElement(By.cssSelector("button[data-add='" + list + "']")).click();
        List<WebElement> rows = browser.findElements(By.cssSelector(".row[data-list='" + list + "']"));
        WebElement row = rows.get(rows.size() - 1);
        List<WebElement> inputs = row.findElements(By.cssSelector("[data-name]"));
        for (int i = 0; i < values.length; i++) {
            WebElement in = inputs.get(i);
            if (values[i] == null) {
                continue;
            }
            if (in.getTagName().equals("select")) {
                new Select(in).selectByValue(values[i]);
            } else if ("date".equals(in.getAttribute("type"))) {
                ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", in, values[i]);
            } else {
                in.sendKeys(values[i]);
            }
        }
    }

    static String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    /**
     * The walk, as one story: each step leaves what the next one works on (the candidate submitted
     * is the case adjudicated, the decision audited), so the steps run in this order, in one test.
     */
    @Test
    void everyRoleWalksItsMainPath(@TempDir Path dir) throws Exception {
        aVettingOfficerSubmitsACandidate_AndReadsItsFlags();
        theCommanderSeesThePendingCase_WithoutItsDetails();
        anAdjudicatorDecidesTheReferredCase();
        theRosterChanges();
        anAuditorFindsTheDecision_AndReplaysIt();
        anAdministratorCreatesAUser_AndReviewsTheRuleSet();
        theInterfaceSwitchesToSpanish_AndRemembersIt();
        aCorrectionTakesTwoPeople_FromProposalToApproval();
        everyResponseCarriesAStrictContentSecurityPolicy();
        twoPolicyOfficersChangeTheRules_AndTheCommanderSeesTheSuspension(dir);
        aVettingOfficerUploadsABatch_AndReadsEveryRowsResult(dir);
        theApiReferenceListsEveryOperation_UnderItsOwnPolicy();
        anAdjudicatorReviewsAWatchlistHit_BesideItsEntry_AndTheCommanderSeesOnlyTheStatus(dir);
        aDenialWalksFromProposalToTheBoardsDecision();
    }

    /** Step 1 of the walk. */
    void aVettingOfficerSubmitsACandidate_AndReadsItsFlags() {
        signIn("hr.lopez");
        shot("01-submit-form");
        // the client-side checks mirror the server's: nothing filled, nothing sent
        browser.findElement(By.cssSelector("#candidate button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error")));
        assertThat(byField("officerId").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(APP.count("officer_records")).isZero();

        byField("officerId").sendKeys("MX-UI-1");
        byField("givenName").sendKeys("Ana");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2012-06-01'", byField("serviceStartDate"));
        new Select(byField("targetUnit")).selectByValue("JU-FENTANYL");
        addRow("exams", "e1", "POLYGRAPH", "PASS", "2026-03-10");
        addRow("exams", "e2", "TOXICOLOGICAL", "PASS", "2026-03-10");
        addRow("exams", "e3", "PSYCHOLOGICAL", "PASS", "2026-03-11");
        addRow("exams", "e4", "SOCIOECONOMIC", "PASS", "2026-03-12");
        addRow("exams", "e5", "MEDICAL", "PASS", "2026-03-12");
        addRow("criminalRecords", "c1", "THEFT", "CHARGED", "2026-01-01");
        addRow("financialDisclosures", "2025", "420000", null, "1500000", "200000");
        shot("02-submit-filled");
        browser.findElement(By.cssSelector("#candidate button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.evaluation")));
        assertThat(text()).contains("Referred").contains("PENDING_CRIMINAL_CASE").contains("c1")
                .contains("A criminal case is pending");
        shot("03-evaluation");
        signOut();
    }

    /** Step 2 of the walk. */
    void theCommanderSeesThePendingCase_WithoutItsDetails() {
        signIn("cmd.fent");
        home();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-clearances")));
        assertThat(browser.findElements(By.cssSelector("#chart-clearances rect[data-key='PENDING_ADJUDICATION']")))
                .isNotEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("MX-UI-1");
        shot("22-home-commander");
        section("roster");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roster"), "MX-UI-1"));
        assertThat(browser.findElement(By.id("roster")).getText()).contains("Pending adjudication").contains("Ana")
                .doesNotContain("THEFT").doesNotContain("Theft").doesNotContain("PENDING_CRIMINAL_CASE");
        shot("04-roster-before");
        signOut();
    }

    /** Step 3 of the walk. */
    void anAdjudicatorDecidesTheReferredCase() {
        signIn("adj.smith");
        home();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-queue")));
        assertThat(browser.findElement(By.cssSelector(".figure[data-key='QUEUE'] .figure-value")).getText()).isEqualTo("1");
        shot("23-home-adjudicator");
        section("queue");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));
        assertThat(browser.findElement(By.id("queue")).getText()).contains("MX-UI-1").contains("Ana")
                .contains("Referred");
        shot("05-queue");
        browser.findElement(By.cssSelector("#queue button[data-open]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decide")));
        assertThat(text()).contains("PENDING_CRIMINAL_CASE");
        // nothing stray under the title (an absent part once printed as "null")
        assertThat(browser.findElement(By.id("main")).getText()).doesNotContainPattern("(?m)^(null|undefined)$");
        assertThat(browser.findElement(By.id("officer-history")).getText()).contains("Referred").contains("hr.lopez");
        shot("06-case");
        // reasons are mandatory, in the browser as on the server
        browser.findElement(By.cssSelector("#decide button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#decide .field-error")));
        browser.findElement(By.name("reasons")).sendKeys("The charge concerns an off-duty dispute; monitor the case.");
        // the commander's text names the duty; the finding goes in the note for the file
        browser.findElement(By.cssSelector("#conditions [name=commander]")).sendKeys("Report to the unit supervisor every week");
        browser.findElement(By.cssSelector("#conditions [name=note]")).sendKeys("Theft charge c1 still open");
        browser.findElement(By.cssSelector("#decide button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Nothing to show"));
        signOut();
    }

    /** Step 4 of the walk. */
    void theRosterChanges() {
        signIn("cmd.fent");
        home();
        section("roster");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roster"), "Active"));
        assertThat(browser.findElement(By.id("roster")).getText()).contains("Report to the unit supervisor every week")
                .doesNotContain("Theft").doesNotContain("c1");
        shot("07-roster-after");
        // a tablet in portrait: the same page, wrapped
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(820, 1180));
        assertThat(browser.findElement(By.id("roster")).isDisplayed()).isTrue();
        shot("07b-roster-tablet");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        signOut();
    }

    /** Step 5 of the walk. */
    void anAuditorFindsTheDecision_AndReplaysIt() {
        signIn("aud.garcia");
        home();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-decisions")));
        assertThat(browser.findElements(By.cssSelector("#chart-decisions rect[data-key='REFERRED']"))).isNotEmpty();
        shot("24-home-auditor");
        section("history");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search")));
        searchHistory("MX-UI-1");
        shot("08-history");
        browser.findElement(By.cssSelector("#history button[data-open]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replay")));
        assertThat(text()).contains("OUTCOME-3 REFERRED").contains("\"officerId\": \"MX-UI-1\"");
        browser.findElement(By.id("replay")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("replay-result"), "Replay matches"));
        shot("09-replay");
        section("chain");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chain-result"), "The chain is valid"));
        shot("10-chain");
        section("accessLog");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("access")));
        assertThat(browser.findElement(By.id("access")).getText()).contains("/api/units/JU-FENTANYL/roster");
        shot("11-access-log");
        signOut();
    }

    /** Step 6 of the walk. */
    void anAdministratorCreatesAUser_AndReviewsTheRuleSet() {
        signIn("admin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-user")));
        byField("username").sendKeys("cmd.liaison");
        byField("password").sendKeys(TestApp.PASSWORD);
        browser.findElement(By.cssSelector("input[name=roles][value=COMMANDER]")).click();
        browser.findElement(By.cssSelector("input[name=units][value=LIAISON]")).click();
        byField("countries").sendKeys("MX");
        browser.findElement(By.cssSelector("#new-user button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "cmd.liaison"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[data-disable='cmd.liaison']")));
        shot("12-users");
        browser.findElement(By.cssSelector("button[data-disable='cmd.liaison']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[data-enable='cmd.liaison']")));
        assertThat(browser.findElements(By.cssSelector("button[data-disable='cmd.liaison']"))).isEmpty();
        // a user's open sessions: the administrator's own, this page's among them
        browser.findElement(By.cssSelector("button[data-sessions='admin']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-sessions")));
        assertThat(browser.findElement(By.id("user-sessions")).getText()).contains("password+totp");
        // the administrator's own factors: the app enrolled at their first sign-in, ten recovery codes;
        // a security key added beside it (no new recovery codes)
        section("security");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("factors")));
        assertThat(browser.findElements(By.cssSelector("#factors tbody tr"))).hasSize(1);
        browser.findElement(By.id("add-app")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("enrol-key")));
        browser.findElement(By.name("key-label")).clear();
        browser.findElement(By.name("key-label")).sendKeys("Admin YubiKey");
        browser.findElement(By.id("register-key")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#factors tbody tr"), 2));
        assertThat(browser.findElement(By.id("factors")).getText()).contains("Admin YubiKey");
        assertThat(browser.findElement(By.id("recovery-left")).getText()).contains("10");
        assertThat(browser.findElement(By.id("session-ends")).getText()).matches("Session ends in (29|30) min");
        shot("12b-security");
        section("ruleSet");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rules")));
        assertThat(browser.findElement(By.id("rules")).getText()).contains("POLYGRAPH_FAILED").contains("DISQUALIFYING");
        shot("13-rule-set");
        signOut();
    }

    /** Step 7 of the walk. */
    void theInterfaceSwitchesToSpanish_AndRemembersIt() {
        browser.get(APP.url("/"));
        new Select(browser.findElement(By.id("lang"))).selectByValue("es");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Iniciar sesión"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Iniciar sesión"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        signIn("aud.garcia");
        home();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Decisiones de un vistazo");
        assertThat(browser.findElement(By.id("nav")).getText()).contains("Historial de auditoría");
        section("history");
        searchHistory("MX-UI-1");
        assertThat(browser.findElement(By.id("history")).getText()).contains("Ana");
        browser.findElement(By.cssSelector("#history button[data-open]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Hay un proceso penal pendiente"));
        // codes in the reader's words: the outcome and the exam types, with dates in the Mexican style
        assertThat(text()).contains("Resultado: Turnado").contains("Alta PENDING_CRIMINAL_CASE")
                .contains("EXAMS-00 latest exam of each type ×5");
        shot("14-spanish");
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        signOut();
    }

    /** Step 8 of the walk. */
    void aCorrectionTakesTwoPeople_FromProposalToApproval() {
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        signIn("hr.lopez");
        section("proposeCorrection");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("propose")));
        byField("officerId").sendKeys("MX-UI-1");
        byField("remove").sendKeys("c1");
        byField("reasons").sendKeys("The charge was entered against the wrong officer.");
        shot("15-correction-proposed");
        browser.findElement(By.cssSelector("#propose button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "waits for an adjudicator"));
        signOut();
        signIn("adj.smith");
        home();
        section("corrections");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("corrections")));
        assertThat(browser.findElement(By.id("corrections")).getText()).contains("MX-UI-1").contains("hr.lopez");
        shot("16-corrections-queue");
        browser.findElement(By.cssSelector("#corrections button[data-open]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approve")));
        byField("reasons").sendKeys("Checked against the agency's case register.");
        // the approval is a second signature: past the re-authentication window, the page asks for the key again
        CLOCK.advance(java.time.Duration.ofMinutes(6));
        browser.findElement(By.id("approve")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reauthenticate")));
        shot("16b-reauthenticate");
        browser.findElement(By.id("reauth-key")).click(); // the approver's security key signs again
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.evaluation")));
        assertThat(text()).contains("Eligible");
        shot("17-correction-approved");
        signOut();
    }

    /** Step 9 of the walk. */
    void everyResponseCarriesAStrictContentSecurityPolicy() throws Exception {
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(APP.url("/"))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(r.body()).contains("<script type=\"module\" src=\"/app.js\">");
    }

    /** Step 10 of the walk. */
    void twoPolicyOfficersChangeTheRules_AndTheCommanderSeesTheSuspension(Path dir) throws Exception {
        // an officer cleared with one MEDIUM concern: CONDITIONAL while JU-FENTANYL refers at two
        Map<String, Object> tied = Records.clean("MX-UI-TIE");
        Records.list(tied, "associations").add(Map.of("id", "a1", "relationship", "FAMILY",
                "organizationType", "CRIMINAL_ORGANIZATION", "status", "SUSPECTED"));
        APP.post("hr.lopez", "/api/candidates", tied).close();
        // the proposal as a team keeps it: every file of the set, the threshold lowered, scenarios following
        @SuppressWarnings("unchecked")
        Map<String, String> files = (Map<String, String>) Policy.proposal("ui", Policy::fentanylThresholdOne).get("files");
        List<String> paths = new java.util.ArrayList<>();
        for (var f : files.entrySet()) {
            Path file = dir.resolve(f.getKey().replace("scenarios/", ""));
            Files.writeString(file, f.getValue());
            paths.add(file.toAbsolutePath().toString());
        }

        signIn("pol.a"); // a policy officer's one section opens first
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("propose")));
        assertThat(browser.findElement(By.id("versions")).getText()).contains("Active");
        byField("description").sendKeys("JU-FENTANYL refers at one MEDIUM concern");
        browser.findElement(By.cssSelector("#propose input[name=files]")).sendKeys(String.join("\n", paths));
        browser.findElement(By.cssSelector("#propose button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("version-detail")));
        assertThat(browser.findElement(By.id("version-detail")).getText()).contains("Draft").contains("0 failed");
        assertThat(browser.findElement(By.id("unit-changes")).getText()).contains("mediumReferralThreshold")
                .contains("JU-FENTANYL");
        browser.findElement(By.id("start-backtest")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("backtest-chart")));
        WebElement changed = browser.findElement(By.cssSelector(
                "#backtest-chart rect[data-from='CONDITIONAL'][data-to='REFERRED']"));
        assertThat(Integer.parseInt(changed.getAttribute("data-count"))).isPositive();
        assertThat(browser.findElement(By.id("backtest-changes")).getText()).contains("MX-UI-TIE");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("backtest")));
        shot("18-policy-backtest-chart");
        signOut();

        signIn("pol.b");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("propose")));
        // the draft (versions proposed at the same instant, as on this fixed clock, are listed by version)
        browser.findElement(By.xpath("//table[@id='versions']//tr[td//*[@data-code='DRAFT']]//button[@data-open]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("backtest-chart")));
        byField("reasons").sendKeys("One concern is enough to refer in the fentanyl task force.");
        browser.findElement(By.id("approve-version")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("version-detail"), "Active"));
        shot("19-policy-approved");
        String version = browser.findElement(By.cssSelector("#version-detail code")).getText();
        Policy.awaitReevaluation(APP, "pol.b", version);
        signOut();

        signIn("cmd.fent");
        home();
        section("roster");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roster"), "MX-UI-TIE"));
        WebElement row = browser.findElement(By.xpath("//div[@id='roster']//tr[td[contains(., 'MX-UI-TIE')]]"));
        assertThat(row.getText()).contains("Suspended").doesNotContain("FAMILY");
        shot("20-roster-suspended");
        signOut();
    }

    /** Step 11 of the walk. */
    void aVettingOfficerUploadsABatch_AndReadsEveryRowsResult(Path dir) throws Exception {
        Map<String, Object> bad = Records.clean("MX-UI-B3");
        bad.put("serviceStartDate", "not a date");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        Path file = dir.resolve("nominations.ndjson");
        Files.writeString(file, String.join("\n", json.writeValueAsString(Records.clean("MX-UI-B1")),
                json.writeValueAsString(Records.typical("MX-UI-B2")), json.writeValueAsString(bad)) + "\n");
        signIn("hr.lopez");
        section("batch");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch")));
        browser.findElement(By.cssSelector("#batch input[name=batch]")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#batch button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-table")));
        WebElement progress = browser.findElement(By.id("batch-progress"));
        assertThat(progress.getAttribute("value")).isEqualTo("3");
        assertThat(progress.getAttribute("max")).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector("#batch-table tr[data-status='201']"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("#batch-table tr[data-status='422']")).getText())
                .contains("MX-UI-B3").contains("serviceStartDate");
        assertThat(browser.findElement(By.id("status")).getText()).contains("2 stored, 1 refused");
        shot("21-batch-results");
        browser.findElement(By.cssSelector("#batch-table a[data-evaluation]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.evaluation")));
        assertThat(text()).contains("MX-UI-B1");
        signOut();
    }

    /** Step 12 of the walk. */
    void theApiReferenceListsEveryOperation_UnderItsOwnPolicy() throws Exception {
        browser.get(APP.url("/api-docs.html"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock")));
        assertThat(browser.findElements(By.cssSelector(".swagger-ui .opblock")).size()).isGreaterThan(40);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("/rulesets/{version}/approve");
        shot("25-api-reference");
        var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(APP.url("/api-docs.html"))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self';")
                .contains("style-src 'self' 'unsafe-inline'");
    }

    /** Step 13 of the walk. */
    void anAdjudicatorReviewsAWatchlistHit_BesideItsEntry_AndTheCommanderSeesOnlyTheStatus(Path dir)
            throws Exception {
        Lists.importOfacSample(APP, "pol.a");
        Map<String, Object> listed = Records.clean("MX-UI-WL1");
        listed.put("givenName", "Guadalupe");
        listed.put("familyName", "Villalobos Quintero");
        listed.put("dateOfBirth", "1979-04-02");
        APP.post("hr.lopez", "/api/candidates", listed).close();
        Map<String, Object> standing = Records.clean("MX-UI-WL2");
        standing.put("givenName", "Rosalba");
        standing.put("familyName", "Treviño Garza");
        APP.post("hr.lopez", "/api/candidates", standing).close();

        signIn("adj.smith");
        home();
        section("screening");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hits"), "MX-UI-WL1"));
        browser.findElement(By.xpath("//table[@id='hits']//tr[td[contains(., 'MX-UI-WL1')]]//button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hit-entry")));
        assertThat(browser.findElement(By.id("hit-officer")).getText()).contains("Guadalupe Villalobos Quintero");
        assertThat(browser.findElement(By.id("hit-entry")).getText()).contains("VILLALOBOS QUINTERO, Guadalupe")
                .contains("LA GUERA").contains("90001");
        assertThat(text()).contains("date of birth");
        shot("26-screening-hit-beside-entry");
        new Select(browser.findElement(By.cssSelector("#review select[name=decision]"))).selectByValue("CONFIRM");
        byField("reasons").sendKeys("Same name, date of birth and place of birth as the listed person.");
        browser.findElement(By.cssSelector("#review button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hit-reviews"), "adj.smith"));
        assertThat(text()).contains("Confirmed");
        shot("27-screening-hit-confirmed");
        signOut();

        // a policy officer adds a national list naming the standing officer: everyone is screened again
        Path uif = dir.resolve("uif.csv");
        Files.writeString(uif, Lists.sample("national/uif.csv")
                + "UIF-0009,PERSON,Rosalba,Treviño Garza,,,,,MX,Lista de personas bloqueadas (ficticia),Ejemplo\n");
        signIn("pol.b");
        section("watchlists");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import")));
        browser.findElement(By.id("import-list")).sendKeys("MX-UIF");
        new Select(browser.findElement(By.id("import-format"))).selectByValue("csv");
        browser.findElement(By.id("import-files")).sendKeys(uif.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("watchlists"), "MX-UIF"));
        Lists.awaitRescreening(APP, "pol.b", "MX-UIF", 1);
        section("watchlists");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("watchlists"), "1 new matches"));
        shot("28-watchlists");
        signOut();

        signIn("cmd.fent");
        home();
        section("roster");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roster"), "MX-UI-WL2"));
        WebElement suspended = browser.findElement(By.xpath("//div[@id='roster']//tr[td[contains(., 'MX-UI-WL2')]]"));
        assertThat(suspended.getText()).contains("Suspended");
        WebElement denied = browser.findElement(By.xpath("//div[@id='roster']//tr[td[contains(., 'MX-UI-WL1')]]"));
        // section 9: the confirmed match proposes a denial; the commander reads only that a decision is pending
        assertThat(denied.getText()).contains("decision pending");
        assertThat(text()).doesNotContain("UIF").doesNotContain("OFAC").doesNotContain("WATCHLIST")
                .doesNotContain("90001");
        shot("29-roster-after-screening");
        signOut();
    }

    /** Opens the adverse case of an officer from the reader's queue of cases. */
    static void openCase(String officerId) {
        section("adverseCases");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("adverse-cases"), officerId));
        browser.findElement(By.xpath("//table[@id='adverse-cases']//tr[td[contains(., '" + officerId + "')]]//button"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-facts")));
    }

    static void takeStep(String step, String text, String choice) {
        if (choice != null) {
            new Select(browser.findElement(By.cssSelector("#step-" + step + " select"))).selectByValue(choice);
        }
        browser.findElement(By.cssSelector("#step-" + step + " textarea")).sendKeys(text);
        WebElement facts = browser.findElement(By.id("case-facts"));
        browser.findElement(By.cssSelector("#step-" + step + " button[type=submit]")).click();
        wait.until(ExpectedConditions.stalenessOf(facts));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-facts")));
    }

    /**
     * Step 14 of the walk (policy section 9): a positive toxicology proposes a denial; an adjudicator
     * issues the notice (letters in Spanish and English), the vetting officer records the reply, a
     * second adjudicator upholds it, the officer appeals, and two board members reverse it.
     */
    void aDenialWalksFromProposalToTheBoardsDecision() {
        Map<String, Object> r = Records.clean("MX-UI-ADV");
        Records.list(r, "exams").set(1, Records.exam("e2", "TOXICOLOGICAL", "FAIL", "2026-03-10"));
        APP.post("hr.lopez", "/api/candidates", r).close();

        signIn("adj.smith");
        home();
        assertThat(browser.findElement(By.cssSelector(".figure[data-key='NOTICES_TO_ISSUE'] .figure-value")).getText())
                .isNotEqualTo("0");
        section("adverseCases");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("adverse-cases"), "MX-UI-ADV"));
        shot("30-adverse-queue");
        openCase("MX-UI-ADV");
        assertThat(text()).contains("Proposed: notice to issue").contains("TOXICOLOGY_POSITIVE");
        browser.findElement(By.cssSelector("#step-notice input[name=ES]")).click();
        browser.findElement(By.cssSelector("#step-notice input[name=EN]")).click();
        takeStep("notice", "The toxicological exam e2 was positive.", null);
        assertThat(browser.findElements(By.id("step-reconsideration"))).as("the issuer does not reconsider").isEmpty();
        assertThat(browser.findElements(By.cssSelector("#case-letters tr[data-letter]"))).hasSize(2);
        browser.findElements(By.cssSelector("button[data-letter-text]")).get(0).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("letter-text")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                browser.findElement(By.id("letter-text")));
        assertThat(browser.findElement(By.id("letter-text")).getText()).contains("Aviso de propuesta de denegación")
                .contains("El examen toxicológico más reciente (e2) resultó positivo.")
                .contains("SHA-256").doesNotContain("NOT the letter");
        shot("31-adverse-notice-letter");
        // the queue now shows the reply window and the days left
        section("adverseCases");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("adverse-cases"), "30 days"));
        shot("30b-adverse-queue-window");
        signOut();

        // the vetting officer's steps are the same forms (their page is walked in the API tests): recorded here by API
        String caseId = null;
        for (var item : APP.get("aud.garcia", "/api/adverse-cases?stage=NOTICE_ISSUED").get("items")) {
            if (item.get("officerId").asText().equals("MX-UI-ADV")) {
                caseId = item.get("caseId").asText();
            }
        }
        try (var answer = APP.post("hr.lopez", "/api/adverse-cases/" + caseId + "/replies", Map.of("text",
                "The officer says the sample was mislabelled and asks for a counter-analysis."))) {
            assertThat(answer.getStatus()).isEqualTo(200);
        }

        signIn("adj.jones");
        home();
        openCase("MX-UI-ADV");
        takeStep("reconsideration", "No counter-analysis was supplied; the positive result stands.", "UPHOLD");
        assertThat(text()).contains("Final: appeal window").contains("Final decision");
        shot("32-adverse-upheld");
        signOut();

        try (var answer = APP.post("hr.lopez", "/api/adverse-cases/" + caseId + "/appeal", Map.of("text",
                "The officer appeals: the laboratory's chain of custody was broken."))) {
            assertThat(answer.getStatus()).isEqualTo(200);
        }

        signIn("board.a");
        openCase("MX-UI-ADV");
        takeStep("votes", "The chain of custody was not documented.", "REVERSE");
        shot("33-adverse-board-vote");
        signOut();
        signIn("board.b");
        openCase("MX-UI-ADV");
        takeStep("votes", "Concur: decide it again once the counter-analysis is in.", "REVERSE");
        assertThat(text()).contains("Closed · reversed by the board");
        assertThat(browser.findElement(By.id("case-history")).getText()).contains("Notice issued")
                .contains("Reply recorded").contains("Reconsidered").contains("Appeal recorded").contains("Board vote");
        shot("34-adverse-reversed");
        // the case has an address: a reload stays on it, Back goes to the list, a new tab opens it
        String caseUrl = browser.getCurrentUrl();
        assertThat(caseUrl).contains("#/cases/");
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-facts")));
        assertThat(text()).contains("MX-UI-ADV").contains("reversed by the board");
        browser.navigate().back();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("adverse-cases"), "MX-UI-ADV"));
        assertThat(browser.getCurrentUrl()).endsWith("#/adverseCases");
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        browser.get(caseUrl);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-facts")));
        assertThat(text()).contains("MX-UI-ADV");
        browser.close();
        browser.switchTo().window(first);
        // the same pages in Spanish: every label translated, nothing missing
        new Select(browser.findElement(By.id("lang"))).selectByValue("es");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("adverse-cases"), "Cerrado"));
        shot("35-adverse-queue-es");
        browser.get(caseUrl);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-facts"), "revocado por la junta"));
        assertThat(text()).contains("constan en los oficios").contains("Votos de la junta").contains("Historial")
                .contains("Voto de la junta · Revocar")
                .doesNotContain("stage_").doesNotContain("step_").doesNotContain("vote_");
        shot("36-adverse-case-es");
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        signOut();
        assertThat(browser.getCurrentUrl()).doesNotContain("#/");
    }
}
