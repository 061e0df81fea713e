package org.vetting.errors;

import java.util.Arrays;
import java.util.List;

import org.vetting.api.FieldError;

/** The request is well-formed but its content is refused; every field at fault is named. */
public class ValidationFailed extends DomainException {
    private final transient List<FieldError> errors;

    public ValidationFailed(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public ValidationFailed(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public static ValidationFailed of(List<FieldError> errors) {
        return new ValidationFailed(errors);
    }

    public static ValidationFailed of(String field, String message) {
        return new ValidationFailed(field, message);
    }

    /**
     * A request's value for an enumeration (a status in a query, say): null when absent, else the
     * constant of that name, or refused naming the field and every value it takes.
     */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw of(field, "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .toList()) + ", got " + value);
    }

    /** Throws when there is anything to refuse. */
    public static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        String summary = errors.stream().limit(5).map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return errors.size() > 5 ? summary + "; and " + (errors.size() - 5) + " more" : summary;
    }
}
