package org.vetting.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A session as its holder sees it: how far it has signed in, the second factors it may prove
 * ({@code webauthn}, {@code totp}, {@code recovery}), the token every state-changing call made with
 * the cookie carries in {@code X-CSRF-Token}, how it signed in, when a second factor was last proved
 * and when the session ends at the latest.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(SessionStage status, List<String> methods, String csrfToken, String signedInWith,
                          Instant secondFactorAt, Instant sessionExpiresAt) {}
