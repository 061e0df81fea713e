package org.vetting.api;

import java.time.Instant;

/** One access-log entry (docs/api.md). */
public record AccessEntryView(Instant at, String username, String officerId, String method, String path, int status) {}
