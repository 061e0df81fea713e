package org.vetting.api;

import java.util.List;

/** Body of {@code POST /api/evaluations/{id}/adjudication} (docs/api.md). */
public record AdjudicationRequest(String decision, String reasons, List<ConditionText> conditions, List<String> waive) {
    public AdjudicationRequest {
        conditions = conditions == null ? List.of() : conditions;
        waive = waive == null ? List.of() : waive;
    }
}
