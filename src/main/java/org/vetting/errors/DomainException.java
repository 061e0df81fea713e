package org.vetting.errors;

import java.util.List;
import java.util.Optional;
import org.vetting.api.FieldError;

/**
 * What a service refuses to do, in the service's own terms. Each subtype has one HTTP status,
 * chosen in one place ({@code http.DomainExceptionMapper}); services never pick a status.
 */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message);
    }

    /** The fields at fault, where the refusal names any (a 422, a 409 naming records on file). */
    public List<FieldError> errors() {
        return null;
    }

    /** The DomainException behind a wrapped failure (Jackson and Jersey wrap what a stream throws), if any. */
    public static Optional<DomainException> causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
