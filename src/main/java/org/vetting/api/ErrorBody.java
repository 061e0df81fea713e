package org.vetting.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every error response of docs/api.md: {@code {"code", "message"}}, plus {@code errors} on a 422. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int code, String message, List<FieldError> errors) {
    public ErrorBody(int code, String message) {
        this(code, message, null);
    }
}
