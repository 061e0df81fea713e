package org.vetting.api;

/** A code proving a second factor: six digits of an authenticator app, or a recovery code. */
public record CodeRequest(String code) {}
