package org.vetting.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who is signed in: roles, units, countries, the officer they are, whether a generated password must
 * be changed; and, for a session, its CSRF token, how it signed in, when a second factor was last
 * proved and when it ends at the latest (a page reloaded, or signed in elsewhere, finds them here) —
 * also as durations, {@code sessionSecondsLeft} to its absolute end and {@code sessionIdleSeconds} of
 * its idle window, so that a page whose clock differs from the service's can count down — and the
 * second factors the person may prove again ({@code methods}: {@code webauthn}, {@code totp},
 * {@code recovery}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeView(String username, List<Role> roles, List<String> units, List<String> countries, String officerId,
                     boolean mustChangePassword, String csrfToken, String signedInWith, Instant secondFactorAt,
                     Instant sessionExpiresAt, Long sessionSecondsLeft, Long sessionIdleSeconds, List<String> methods) {}
