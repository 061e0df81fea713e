package org.vetting.api;

import java.time.Instant;

/** An enrolled second factor, and how many unused recovery codes its holder has left. */
public record FactorView(String factorId, FactorKind kind, String label, Instant enrolledAt) {}
