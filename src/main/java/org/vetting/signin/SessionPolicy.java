package org.vetting.signin;

import java.time.Duration;

/**
 * How people sign in (docs/api.md, "Sign-in"): whether a second factor is required ({@code
 * VETTING_SECOND_FACTOR}; {@code off} keeps HTTP Basic for people, for a trial or a test), how long
 * an idle session lives, how long any session lives, and how recent a second factor must be for the
 * second signature of a four-eyes step.
 */
public record SessionPolicy(boolean secondFactorRequired, Duration idle, Duration absolute, Duration reauthentication) {
}
