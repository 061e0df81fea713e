package org.vetting.http;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.vetting.api.ErrorBody;
import org.vetting.api.FieldError;
import org.vetting.errors.DomainException;

/**
 * Request bodies Jackson cannot read: malformed JSON is a 400; well-formed JSON with a value of the
 * wrong kind (an unknown enum value, a bad date, a string for a number, an unknown field) is a 422
 * naming the field. Never echoes more than the offending field's path.
 */
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException e) {
        var wrapped = DomainException.causeOf(e);
        if (wrapped.isPresent()) {
            return new DomainExceptionMapper().toResponse(wrapped.get());
        }
        JsonProcessingException malformed = malformed(e);
        if (malformed != null) {
            String where = malformed.getLocation() == null ? "" : " at line " + malformed.getLocation().getLineNr()
                    + ", column " + malformed.getLocation().getColumnNr();
            return response(new ErrorBody(400, "malformed JSON" + where));
        }
        if (e instanceof JsonMappingException m) {
            String field = path(m);
            String problem = problem(m);
            List<FieldError> errors = List.of(new FieldError(field.isEmpty() ? "(body)" : field, problem));
            return response(new ErrorBody(422, (field.isEmpty() ? "body" : field) + ": " + problem, errors));
        }
        return response(new ErrorBody(400, "unreadable request body"));
    }

    /**
     * The syntax error behind a failure, if any: a body that is not JSON at all, or one cut short
     * (Jackson reports end-of-input inside a value as a mapping problem of the field it was reading,
     * or as a mismatched input "Unexpected end-of-input").
     */
    private static JsonProcessingException malformed(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException s && !(t instanceof MismatchedInputException)) {
                return s;
            }
            if (t instanceof MismatchedInputException m && m.getOriginalMessage() != null
                    && m.getOriginalMessage().startsWith("Unexpected end-of-input")) {
                return m;
            }
        }
        return null;
    }

    private static String problem(JsonMappingException m) {
        if (m instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (m instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                return "unknown value " + quote(f.getValue()) + "; expected one of "
                        + String.join(", ", Arrays.stream(target.getEnumConstants()).map(Object::toString).toList());
            }
            if (target == LocalDate.class) {
                return "not a valid date " + quote(f.getValue()) + "; expected YYYY-MM-DD";
            }
            return "not a valid " + simpleType(target) + ": " + quote(f.getValue());
        }
        if (m instanceof MismatchedInputException mi) {
            Class<?> target = mi.getTargetType();
            if (target != null && target.isEnum()) {
                return "expected one of " + String.join(", ",
                        Arrays.stream(target.getEnumConstants()).map(Object::toString).toList());
            }
            if (target == LocalDate.class) {
                return "expected a date YYYY-MM-DD";
            }
            return "expected " + simpleType(target);
        }
        return "invalid value";
    }

    private static String simpleType(Class<?> target) {
        if (target == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
            return "number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "boolean (true or false)";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        if (target == String.class) {
            return "a string";
        }
        return "an object";
    }

    private static String quote(Object value) {
        String s = String.valueOf(value);
        return "\"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }

    /** A value that cannot become its type, as the field error a 422 names (for callers that read parts of a body). */
    public static FieldError fieldError(JsonMappingException m) {
        String field = path(m);
        return new FieldError(field.isEmpty() ? "(record)" : field, problem(m));
    }

    /** Jackson's reference path as {@code exams[1].type}. */
    static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static Response response(ErrorBody body) {
        return Response.status(body.code()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
