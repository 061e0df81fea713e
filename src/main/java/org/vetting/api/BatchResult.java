package org.vetting.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to a batch: one result per record, in the order sent. */
public record BatchResult(List<Item> results) {

    /**
     * One record: {@code status} as {@code POST /api/candidates} would have answered it (201, or the
     * refusal's 4xx), the evaluation when stored, the refusal's message and errors when not.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, String officerId, int status, String evaluationId, String outcome, String message,
                       List<FieldError> errors) {}
}
