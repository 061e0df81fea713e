package org.vetting.evaluation;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.vetting.common.Identifiers;
import org.vetting.api.FieldError;
import org.vetting.api.OfficerRecord;
import org.vetting.api.RecordList;
import org.vetting.api.Required;
import org.vetting.rules.RuleSet;

/**
 * The checks of docs/api.md that JSON binding cannot make: required fields ({@link Required} on the
 * record types), the officer id's shape, known units, non-negative numbers, unique ids and years,
 * no date or year after {@code asOf}, bounded texts. Every list of {@link RecordList} is checked
 * the same way. Collects every problem so the vetting officer can fix a record in one pass.
 */
public final class RecordValidator {
    /** ISO 3166-1 alpha-2, as the JDK knows it. */
    public static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_TEXT = 200;
    private static final int MAX_ID = 64;
    private static final int FIRST_YEAR = 1900;
    /** At most this many entries in one list, and in the whole record (continuous vetting grows it). */
    public static final int MAX_ENTRIES = 200;
    public static final int MAX_RECORD_ENTRIES = 1000;
    /** Amounts: plain decimals with at most two decimal places, below a quadrillion. */
    public static final int MAX_DECIMALS = 2;
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");

    private final List<FieldError> errors = new ArrayList<>();
    private final String prefix;
    private final LocalDate asOf;

    private RecordValidator(String prefix, LocalDate asOf) {
        this.prefix = prefix;
        this.asOf = asOf;
    }

    /** Every problem of the record, with field paths prefixed by {@code prefix} ("" or "record."). */
    public static List<FieldError> validate(OfficerRecord r, LocalDate asOf, RuleSet ruleSet, String prefix) {
        RecordValidator v = new RecordValidator(prefix, asOf);
        if (r == null) {
            v.add(prefix.isEmpty() ? "(body)" : prefix.substring(0, prefix.length() - 1), "required");
            return v.errors;
        }
        if (v.required("officerId", r.officerId()) && !Identifiers.isOfficerId(r.officerId())) {
            v.add("officerId", Identifiers.OFFICER_ID_RULE);
        }
        v.text("givenName", r.givenName());
        v.text("familyName", r.familyName());
        if (v.required("country", r.country()) && !COUNTRIES.contains(r.country())) {
            v.add("country", "must be an ISO 3166-1 alpha-2 code such as MX or US, got " + r.country());
        }
        v.text("agency", r.agency());
        v.notAfter("dateOfBirth", r.dateOfBirth());
        v.required("serviceStartDate", r.serviceStartDate());
        v.notAfter("serviceStartDate", r.serviceStartDate());
        if (v.required("targetUnit", r.targetUnit()) && ruleSet.unit(r.targetUnit()).isEmpty()) {
            v.add("targetUnit", "unknown unit " + r.targetUnit() + "; expected one of "
                    + String.join(", ", new TreeSet<>(ruleSet.units().keySet())));
        }
        int total = 0;
        for (RecordList list : RecordList.values()) {
            v.list(list, list.of(r));
            total += list.of(r).size();
        }
        if (total > MAX_RECORD_ENTRIES) {
            v.add("(record)", "at most " + MAX_RECORD_ENTRIES + " entries in all lists together, got " + total);
        }
        return v.errors;
    }

    private void list(RecordList list, List<?> entries) {
        if (entries.size() > MAX_ENTRIES) {
            add(list.field(), "at most " + MAX_ENTRIES + " entries, got " + entries.size());
            return;
        }
        Set<Object> keys = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String at = list.field() + "[" + i + "]";
            Object entry = entries.get(i);
            if (entry == null) {
                add(at, "must be an object, not null");
                continue;
            }
            for (RecordComponent c : list.components()) {
                String field = at + "." + c.getName();
                Object value = list.value(entry, c.getName());
                if (c.isAnnotationPresent(Required.class) && !required(field, value)) {
                    continue;
                }
                if (c.getName().equals(list.key())) {
                    key(field, value, keys);
                } else if (value instanceof LocalDate date) {
                    notAfter(field, date);
                } else if (value instanceof String s) {
                    text(field, s);
                } else if (value instanceof BigDecimal amount) {
                    amount(field, amount);
                } else if (value instanceof Integer n && n < 0) {
                    add(field, "must not be negative");
                }
            }
        }
    }

    /** An entry's key: an id (unique, bounded) or a disclosure year (unique, from 1900 to asOf's year). */
    private void key(String field, Object value, Set<Object> keys) {
        if (value instanceof Integer year) {
            if (year > asOf.getYear()) {
                add(field, "year " + year + " is after " + asOf.getYear() + " (asOf " + asOf + ")");
            } else if (year < FIRST_YEAR) {
                add(field, "year " + year + " is before " + FIRST_YEAR);
            } else if (!keys.add(year)) {
                add(field, "duplicate year " + year);
            }
        } else if (value instanceof String id) {
            if (id.length() > MAX_ID) {
                add(field, "at most " + MAX_ID + " characters");
            } else if (!keys.add(id)) {
                add(field, "duplicate id " + id);
            }
        }
    }

    /** A plain non-negative amount: no exponent, at most two decimals, below {@link #MAX_AMOUNT}. */
    private void amount(String field, BigDecimal value) {
        if (value.signum() < 0) {
            add(field, "must not be negative");
        } else if (value.scale() < 0 || value.scale() > MAX_DECIMALS) {
            add(field, "a plain amount with at most " + MAX_DECIMALS + " decimals (no exponent), got "
                    + (value.scale() < 0 ? "an exponent" : value.scale() + " decimals"));
        } else if (value.compareTo(MAX_AMOUNT) >= 0) {
            add(field, "must be below " + MAX_AMOUNT.toPlainString());
        }
    }

    private void text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            add(field, "at most " + MAX_TEXT + " characters");
        }
    }

    private void notAfter(String field, LocalDate value) {
        if (value != null && value.isAfter(asOf)) {
            add(field, "date " + value + " is after asOf " + asOf);
        }
    }

    private boolean required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "required");
            return false;
        }
        return true;
    }

    private void add(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }
}
