package org.vetting.api;

import java.util.List;

/** {@code GET /api/audit/evaluations/{id}/replay} (docs/api.md). */
public record ReplayView(boolean matches, EvaluationView recorded, EvaluationView replayed, List<String> differences) {}
