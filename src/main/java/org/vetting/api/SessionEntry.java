package org.vetting.api;

import java.time.Instant;

/** A user's session as an administrator lists it: when it began and was last used, from where, how, and its stage. */
public record SessionEntry(Instant createdAt, Instant lastSeenAt, String address, String method, SessionStage stage) {}
