package org.vetting.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An entry of the sign-in log: the name given, from which address, when, what happened
 * ({@link SignInEvent}) and how ({@code password}, {@code password+totp}, {@code recovery}, …).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignInView(Instant at, String username, String address, String outcome, String method) {}
