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

    /**
     * One field: {@code kind} is text, date, number, checkbox or select (with its {@code options});
     * {@code defaultValue} is what the service assumes when the field is left out (null: nothing).
     */
    public record Field(String name, String kind, boolean required, List<String> options, Object defaultValue) {}

    /** One list of the record: its JSON field, the field that identifies an entry, the entries' fields. */
    public record ListSchema(String name, String key, List<Field> fields) {}

    public static RecordSchema of(Map<String, List<String>> enums) {
        List<Field> top = Arrays.stream(OfficerRecord.class.getRecordComponents())
                .filter(c -> c.getType() != List.class).map(c -> field(c, null)).toList();
        List<ListSchema> lists = Arrays.stream(RecordList.values())
                .map(l -> {
                    Record defaults = empty(l.type());
                    return new ListSchema(l.field(), l.key(), Arrays.stream(l.type().getRecordComponents())
                            .map(c -> field(c, l.value(defaults, c.getName()))).toList());
                })
                .toList();
        return new RecordSchema(top, lists, enums);
    }

    private static Field field(RecordComponent c, Object defaultValue) {
        Class<?> type = c.getType();
        boolean required = c.isAnnotationPresent(Required.class);
        Object shown = defaultValue instanceof Enum<?> e ? e.name() : defaultValue;
        if (type.isEnum()) {
            return new Field(c.getName(), "select", required,
                    Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList(), shown);
        }
        String kind = type == LocalDate.class ? "date"
                : type == Integer.class || type == BigDecimal.class ? "number"
                : type == Boolean.class ? "checkbox" : "text";
        return new Field(c.getName(), kind, required, null, shown);
    }

    /** An entry with every field left out: its constructor fills in the defaults the service assumes. */
    private static Record empty(Class<? extends Record> type) {
        RecordComponent[] components = type.getRecordComponents();
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new)).newInstance(new Object[components.length]);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build an empty " + type.getSimpleName(), e);
        }
    }
}
