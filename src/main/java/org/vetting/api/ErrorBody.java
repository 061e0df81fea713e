package org.vetting.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every error response of docs/api.md: {@code {"code", "message"}}, plus {@code errors} on a 422 and
 * {@code reauthenticate: true} on a 401 that asks for a second factor again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int code, String message, List<FieldError> errors, Boolean reauthenticate) {
    public ErrorBody(int code, String message) {
        this(code, message, null, null);
    }

    public ErrorBody(int code, String message, List<FieldError> errors) {
        this(code, message, errors, null);
    }
}
