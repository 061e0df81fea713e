package org.vetting.api;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/record-schema}: the officer record's fields and lists as the web interface builds
 * its forms from them — each field's kind, whether it is required, the values of an enum — read from
 * the record types themselves, so the interface never keeps a copy. {@code enums} adds the values
 * the interface shows elsewhere (outcomes, clearance statuses, roles).
 */
public record RecordSchema(List<Field> fields, List<ListSchema> lists, Map<String, List<String>> enums) {

    /** One field: {@code kind} is text, date, number, checkbox or select (with its {@code options}). */
    public record Field(String name, String kind, boolean required, List<String> options) {}

    /** One list of the record: its JSON field, the field that identifies an entry, the entries' fields. */
    public record ListSchema(String name, String key, List<Field> fields) {}

    public static RecordSchema of(Map<String, List<String>> enums) {
        List<Field> top = Arrays.stream(OfficerRecord.class.getRecordComponents())
                .filter(c -> c.getType() != List.class).map(RecordSchema::field).toList();
        List<ListSchema> lists = Arrays.stream(RecordList.values())
                .map(l -> new ListSchema(l.field(), l.key(),
                        Arrays.stream(l.type().getRecordComponents()).map(RecordSchema::field).toList()))
                .toList();
        return new RecordSchema(top, lists, enums);
    }

    private static Field field(RecordComponent c) {
        Class<?> type = c.getType();
        boolean required = c.isAnnotationPresent(Required.class);
        if (type.isEnum()) {
            return new Field(c.getName(), "select", required,
                    Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList());
        }
        String kind = type == LocalDate.class ? "date"
                : type == Integer.class || type == int.class || type == BigDecimal.class ? "number"
                : type == Boolean.class || type == boolean.class ? "checkbox" : "text";
        return new Field(c.getName(), kind, required, null);
    }
}
