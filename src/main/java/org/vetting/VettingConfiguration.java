package org.vetting;

import org.vetting.signin.SecurityKeys;
import org.vetting.signin.SessionPolicy;
import org.vetting.sso.SingleSignOn;

import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The service's configuration ({@code config.yml}, with {@code ${VETTING_*}} environment overrides). */
public class VettingConfiguration extends Configuration {
    @Valid
    @NotNull
    private DataSourceFactory database = new DataSourceFactory();

    @NotEmpty
    private String rulesDirectory = "rules";

    /** Password of the first-start {@code admin} user; empty means "generate one and log it once". */
    private String adminPassword = "";

    /** A PKCS12 keystore for TLS on the API port; empty means plain HTTP (behind a TLS-terminating proxy). */
    private String tlsKeyStorePath = "";
    private String tlsKeyStorePassword = "";
    @NotEmpty
    private String tlsKeyStoreType = "PKCS12";

    @JsonProperty
    public String getTlsKeyStorePath() {
        return tlsKeyStorePath;
    }

    @JsonProperty
    public void setTlsKeyStorePath(String tlsKeyStorePath) {
        this.tlsKeyStorePath = tlsKeyStorePath;
    }

    @JsonProperty
    public String getTlsKeyStorePassword() {
        return tlsKeyStorePassword;
    }

    @JsonProperty
    public void setTlsKeyStorePassword(String tlsKeyStorePassword) {
        this.tlsKeyStorePassword = tlsKeyStorePassword;
    }

    @JsonProperty
    public String getTlsKeyStoreType() {
        return tlsKeyStoreType;
    }

    @JsonProperty
    public void setTlsKeyStoreType(String tlsKeyStoreType) {
        this.tlsKeyStoreType = tlsKeyStoreType;
    }

    /** Where a generated first administrator password is written (owner-only), never to the log. */
    @NotEmpty
    private String generatedPasswordFile = "data/admin-password";

    @JsonProperty
    public String getGeneratedPasswordFile() {
        return generatedPasswordFile;
    }

    @JsonProperty
    public void setGeneratedPasswordFile(String generatedPasswordFile) {
        this.generatedPasswordFile = generatedPasswordFile;
    }

    /** bcrypt work factor for stored password hashes (each step doubles the cost). */
    @Min(4)
    @Max(31)
    private int bcryptCost = 12;

    /** How long a verified set of credentials stays cached, so that bcrypt runs once per user and period. */
    @NotNull
    private Duration authenticationCacheTtl = Duration.minutes(1);

    /** How often the expiry job marks ACTIVE clearances past their validity as EXPIRED. */
    @NotNull
    private Duration expiryInterval = Duration.hours(1);

    /**
     * How often each instance reads the active rule-set version from the database, activates
     * approved versions whose day has come and marks abandoned backtests: an activation reaches
     * every instance within this interval.
     */
    @NotNull
    private Duration ruleSetPollInterval = Duration.seconds(10);

    /**
     * How many groups of concurrent submissions are written at once (each one transaction and commit,
     * docs/performance.md); 0 chooses by database: 1 for the embedded H2 (its work is all on this
     * process's cores, and fewer, larger commits cost less), 3 for PostgreSQL (a group mostly waits
     * on round trips, so the next group writes meanwhile).
     */
    @Min(0)
    @Max(16)
    private int submissionWriters = 0;

    /** Zone whose calendar date is today's {@code asOf} for submissions. */
    @NotEmpty
    private String timeZone = "UTC";

    @JsonProperty("database")
    public DataSourceFactory getDataSourceFactory() {
        String url = database.getUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            database.setDriverClass("org.postgresql.Driver");
        } else if (url != null && url.startsWith("jdbc:h2:")) {
            database.setDriverClass("org.h2.Driver");
            // H2 writes commits to its file up to 500 ms late by default: an answered submission would
            // not survive a kill -9 (CrashIT). Every commit is written before the answer.
            if (!url.toUpperCase(Locale.ROOT).contains("WRITE_DELAY")) {
                database.setUrl(url + ";WRITE_DELAY=0");
            }
        }
        return database;
    }

    @JsonProperty("database")
    public void setDataSourceFactory(DataSourceFactory database) {
        this.database = database;
    }

    @JsonProperty
    public String getRulesDirectory() {
        return rulesDirectory;
    }

    @JsonProperty
    public void setRulesDirectory(String rulesDirectory) {
        this.rulesDirectory = rulesDirectory;
    }

    @JsonProperty
    public String getAdminPassword() {
        return adminPassword;
    }

    @JsonProperty
    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }

    @JsonProperty
    public int getSubmissionWriters() {
        return submissionWriters;
    }

    @JsonProperty
    public void setSubmissionWriters(int submissionWriters) {
        this.submissionWriters = submissionWriters;
    }

    /** {@link #getSubmissionWriters}, with 0 resolved for the configured database. */
    public int submissionWritersInEffect() {
        if (submissionWriters > 0) {
            return submissionWriters;
        }
        String url = database.getUrl();
        return url != null && url.startsWith("jdbc:postgresql:") ? 3 : 1;
    }

    @JsonProperty
    public int getBcryptCost() {
        return bcryptCost;
    }

    @JsonProperty
    public void setBcryptCost(int bcryptCost) {
        this.bcryptCost = bcryptCost;
    }

    @JsonProperty
    public Duration getAuthenticationCacheTtl() {
        return authenticationCacheTtl;
    }

    @JsonProperty
    public void setAuthenticationCacheTtl(Duration authenticationCacheTtl) {
        this.authenticationCacheTtl = authenticationCacheTtl;
    }

    @JsonProperty
    public Duration getExpiryInterval() {
        return expiryInterval;
    }

    @JsonProperty
    public void setExpiryInterval(Duration expiryInterval) {
        this.expiryInterval = expiryInterval;
    }

    @JsonProperty
    public Duration getRuleSetPollInterval() {
        return ruleSetPollInterval;
    }

    @JsonProperty
    public void setRuleSetPollInterval(Duration ruleSetPollInterval) {
        this.ruleSetPollInterval = ruleSetPollInterval;
    }

    @JsonProperty
    public String getTimeZone() {
        return timeZone;
    }

    @JsonProperty
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    /** How people sign in (docs/api.md, "Sign-in"; docs/operations.md records the values for a security plan). */
    @Valid
    @NotNull
    private SignIn signIn = new SignIn();

    @JsonProperty
    public SignIn getSignIn() {
        return signIn;
    }

    @JsonProperty
    public void setSignIn(SignIn signIn) {
        this.signIn = signIn;
    }

    /** The {@code signIn.oidc} block: the agency's OpenID Connect provider ({@code VETTING_OIDC_*}). */
    public static final class Oidc {
        @JsonProperty
        public String issuer = "";
        @JsonProperty
        public String clientId = "";
        @JsonProperty
        public String clientSecret = "";
        @NotNull
        @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}")
        @JsonProperty
        public String usernameClaim = "preferred_username";
        /** The audience bearer tokens must name; empty: the client id. */
        @JsonProperty
        public String audience = "";
        /** An authentication context the provider must assert ({@code acr}); empty: none asked for. */
        @JsonProperty
        public String acr = "";
    }

    /** The {@code signIn} block of {@code config.yml}. */
    public static final class SignIn {
        /** {@code required}: every person proves a second factor; {@code off}: HTTP Basic for people (a trial, a test). */
        @NotNull
        @Pattern(regexp = "required|off")
        @JsonProperty
        public String secondFactor = "required";

        @Min(1)
        @Max(24 * 60)
        @JsonProperty
        public int sessionIdleMinutes = 30;

        @Min(1)
        @Max(24 * 7)
        @JsonProperty
        public int sessionMaxHours = 12;

        @Min(1)
        @Max(60)
        @JsonProperty
        public int reauthMinutes = 5;

        /** The address users reach the service at, for redirects; empty: links are relative. */
        @JsonProperty
        public String publicUrl = "";

        /** Agency single sign-on (OpenID Connect); off while {@code issuer} is empty. */
        @Valid
        @NotNull
        @JsonProperty
        public Oidc oidc = new Oidc();

        /** Single sign-on as configured (off without an issuer). */
        public SingleSignOn.Settings singleSignOn() {
            return new SingleSignOn.Settings(oidc.issuer, oidc.clientId, oidc.clientSecret, oidc.usernameClaim,
                    oidc.audience, oidc.acr == null ? "" : oidc.acr, publicUrl);
        }

        /** Who the WebAuthn relying party is: from {@link #publicUrl}; without one, localhost (a trial, the tests). */
        public SecurityKeys.Settings securityKeys() {
            return SecurityKeys.Settings.of(publicUrl);
        }

        public SessionPolicy policy() {
            return new SessionPolicy("required".equals(secondFactor), java.time.Duration.ofMinutes(sessionIdleMinutes),
                    java.time.Duration.ofHours(sessionMaxHours), java.time.Duration.ofMinutes(reauthMinutes));
        }
    }
}
