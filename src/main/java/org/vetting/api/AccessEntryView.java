package org.vetting.api;

import java.time.Instant;

/** One access-log entry (API.md). */
public record AccessEntryView(Instant at, String username, String officerId, String method, String path, int status) {}
