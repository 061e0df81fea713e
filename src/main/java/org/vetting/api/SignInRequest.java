package org.vetting.api;

/** The first step of signing in: {@code POST /api/session}. */
public record SignInRequest(String username, String password) {}
