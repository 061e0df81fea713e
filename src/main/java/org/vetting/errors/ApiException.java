package org.vetting.errors;

import java.util.List;

import org.vetting.api.FieldError;

/** A client error with its HTTP status and, for 422, the fields at fault. Mapped to {@link org.vetting.api.ErrorBody}. */
public class ApiException extends RuntimeException {
    private final int status;
    private final transient List<FieldError> errors;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    public ApiException(int status, String message, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    public static ApiException unprocessable(List<FieldError> errors) {
        String summary = errors.stream().limit(5).map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        if (errors.size() > 5) {
            summary += "; and " + (errors.size() - 5) + " more";
        }
        return new ApiException(422, summary, errors);
    }

    public static ApiException unprocessable(String field, String message) {
        return unprocessable(List.of(new FieldError(field, message)));
    }

    /** The ApiException behind a wrapped failure (Jackson and Jersey wrap what a stream throws), if any. */
    public static java.util.Optional<ApiException> causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return java.util.Optional.of(api);
            }
        }
        return java.util.Optional.empty();
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
