package org.vetting.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The seven lists of an officer record, in the order the rules receive them: the one list of them
 * that the validator, continuous vetting, the rule engine's facts and the web interface's schema
 * derive from. Each names its JSON field, the type of its entries and the field that identifies an
 * entry ({@code id}; {@code year} for disclosures). {@link OfficerRecord} declares the same lists;
 * loading this class checks that the two agree.
 */
public enum RecordList {
    EXAMS("exams", Exam.class, "id"),
    CRIMINAL_RECORDS("criminalRecords", CriminalRecord.class, "id"),
    DISCIPLINARY_RECORDS("disciplinaryRecords", DisciplinaryRecord.class, "id"),
    HUMAN_RIGHTS_ALLEGATIONS("humanRightsAllegations", HumanRightsAllegation.class, "id"),
    FINANCIAL_DISCLOSURES("financialDisclosures", FinancialDisclosure.class, "year"),
    ASSOCIATIONS("associations", Association.class, "id"),
    PRIOR_VETTING("priorVetting", PriorVetting.class, "id");

    private static final RecordComponent[] RECORD = OfficerRecord.class.getRecordComponents();
    private static final Constructor<OfficerRecord> CONSTRUCTOR = canonicalConstructor();

    private final String field;
    private final Class<? extends Record> type;
    private final String key;
    /** The entry type's fields, read once: {@link Class#getRecordComponents()} copies them on every call. */
    private final List<RecordComponent> components;

    RecordList(String field, Class<? extends Record> type, String key) {
        this.field = field;
        this.type = type;
        this.key = key;
        this.components = List.of(type.getRecordComponents());
    }

    static {
        List<String> lists = Arrays.stream(RECORD).filter(c -> c.getType() == List.class).map(RecordComponent::getName)
                .toList();
        List<String> declared = Arrays.stream(values()).map(RecordList::field).toList();
        if (!lists.equals(declared)) {
            throw new IllegalStateException("OfficerRecord declares the lists " + lists + " but RecordList " + declared);
        }
        for (RecordList l : values()) {
            var element = ((ParameterizedType) l.component().getGenericType()).getActualTypeArguments()[0];
            if (element != l.type || l.components.stream().noneMatch(c -> c.getName().equals(l.key))) {
                throw new IllegalStateException("RecordList " + l + " does not match OfficerRecord." + l.field);
            }
        }
    }

    /** The JSON field: {@code exams}, {@code criminalRecords}, … */
    public String field() {
        return field;
    }

    public Class<? extends Record> type() {
        return type;
    }

    /** The entry type's fields, in declaration order. */
    public List<RecordComponent> components() {
        return components;
    }

    /** The field that identifies an entry within its list: {@code id}, or {@code year} for disclosures. */
    public String key() {
        return key;
    }

    public List<?> of(OfficerRecord record) {
        return (List<?>) read(component(), record);
    }

    /** The value of an entry's field, by its name. */
    public Object value(Object entry, String name) {
        for (RecordComponent c : components) {
            if (c.getName().equals(name)) {
                return read(c, entry);
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no field " + name);
    }

    public static Optional<RecordList> byField(String field) {
        return Arrays.stream(values()).filter(l -> l.field.equals(field)).findFirst();
    }

    /** The record with the entries of {@code added}'s lists appended to its own (continuous vetting). */
    public static OfficerRecord append(OfficerRecord record, OfficerRecord added) {
        return withLists(record, list -> {
            List<Object> all = new ArrayList<>(list.of(record));
            all.addAll(list.of(added));
            return all;
        });
    }

    /** The record with each list replaced by what {@code lists} gives for it, every other field as it is. */
    public static OfficerRecord withLists(OfficerRecord record, Function<RecordList, List<?>> lists) {
        Object[] args = new Object[RECORD.length];
        for (int i = 0; i < RECORD.length; i++) {
            Optional<RecordList> list = byField(RECORD[i].getName());
            args[i] = list.isPresent() ? lists.apply(list.get()) : read(RECORD[i], record);
        }
        try {
            return CONSTRUCTOR.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build an OfficerRecord", e);
        }
    }

    /** An entry's key as text: its id, or a disclosure's year. */
    public String keyOf(Object entry) {
        return String.valueOf(value(entry, key));
    }

    /** The fields besides the lists that the record carries (not null): continuous vetting adds lists only. */
    public static List<String> otherFieldsPresent(OfficerRecord record) {
        return Arrays.stream(RECORD).filter(c -> byField(c.getName()).isEmpty() && read(c, record) != null)
                .map(RecordComponent::getName).toList();
    }

    /** Whether every list of the record is empty. */
    public static boolean allEmpty(OfficerRecord record) {
        return Arrays.stream(values()).allMatch(l -> l.of(record).isEmpty());
    }

    private RecordComponent component() {
        return Arrays.stream(RECORD).filter(c -> c.getName().equals(field)).findFirst().orElseThrow();
    }

    private static Object read(RecordComponent c, Object target) {
        try {
            return c.getAccessor().invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    private static Constructor<OfficerRecord> canonicalConstructor() {
        try {
            return OfficerRecord.class.getDeclaredConstructor(
                    Arrays.stream(RECORD).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
