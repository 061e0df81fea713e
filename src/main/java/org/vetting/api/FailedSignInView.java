package org.vetting.api;

import java.time.Instant;

/** A failed sign-in: the name tried, from which address, when. */
public record FailedSignInView(Instant at, String username, String address, String outcome) {}
