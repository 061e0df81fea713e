package org.vetting.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.vetting.api.FieldError;
import org.vetting.api.FinancialDisclosure;
import org.vetting.api.OfficerRecord;
import org.vetting.rules.RuleSet;

/**
 * The checks of API.md that JSON binding cannot make: required fields, the officer id's shape,
 * known units, non-negative amounts, unique ids and years, no date or year after {@code asOf}.
 * Collects every problem so the vetting officer can fix a record in one pass.
 */
public final class RecordValidator {
    private static final Pattern OFFICER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_TEXT = 200;
    private static final int MAX_ID = 64;

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
        v.officerId("officerId", r.officerId());
        v.text("givenName", r.givenName());
        v.text("familyName", r.familyName());
        v.text("country", r.country());
        v.text("agency", r.agency());
        v.notAfter("dateOfBirth", r.dateOfBirth());
        v.required("serviceStartDate", r.serviceStartDate());
        v.notAfter("serviceStartDate", r.serviceStartDate());
        if (v.required("targetUnit", r.targetUnit()) && ruleSet.unit(r.targetUnit()).isEmpty()) {
            v.add("targetUnit", "unknown unit " + r.targetUnit() + "; expected one of "
                    + String.join(", ", new java.util.TreeSet<>(ruleSet.units().keySet())));
        }
        v.list("exams", r.exams(), e -> e.id(), (p, e) -> {
            v.required(p + "type", e.type());
            v.required(p + "result", e.result());
            v.date(p + "date", e.date());
        });
        v.list("criminalRecords", r.criminalRecords(), c -> c.id(), (p, c) -> {
            v.required(p + "category", c.category());
            v.required(p + "status", c.status());
            v.date(p + "date", c.date());
            if (c.servedMonths() < 0) {
                v.add(p + "servedMonths", "must not be negative");
            }
        });
        v.list("disciplinaryRecords", r.disciplinaryRecords(), d -> d.id(), (p, d) -> {
            v.required(p + "category", d.category());
            v.required(p + "finding", d.finding());
            v.date(p + "date", d.date());
        });
        v.list("humanRightsAllegations", r.humanRightsAllegations(), h -> h.id(), (p, h) -> {
            v.required(p + "subject", h.subject());
            v.required(p + "category", h.category());
            v.required(p + "credibility", h.credibility());
            v.date(p + "date", h.date());
        });
        v.list("associations", r.associations(), a -> a.id(), (p, a) -> {
            v.required(p + "relationship", a.relationship());
            v.required(p + "organizationType", a.organizationType());
            v.required(p + "status", a.status());
        });
        v.list("priorVetting", r.priorVetting(), p -> p.id(), (p, pv) -> {
            v.text(p + "program", pv.program());
            v.required(p + "result", pv.result());
            v.date(p + "date", pv.date());
        });
        v.disclosures(r.financialDisclosures());
        return v.errors;
    }

    private void disclosures(List<FinancialDisclosure> list) {
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "financialDisclosures[" + i + "].";
            FinancialDisclosure d = list.get(i);
            if (d == null) {
                add("financialDisclosures[" + i + "]", "must be an object, not null");
                continue;
            }
            if (required(p + "year", d.year())) {
                if (d.year() > asOf.getYear()) {
                    add(p + "year", "year " + d.year() + " is after " + asOf.getYear() + " (asOf " + asOf + ")");
                } else if (d.year() < 1900) {
                    add(p + "year", "year " + d.year() + " is before 1900");
                } else if (!years.add(d.year())) {
                    add(p + "year", "duplicate year " + d.year());
                }
            }
            amount(p + "annualIncome", d.annualIncome(), true);
            amount(p + "otherIncome", d.otherIncome(), false);
            amount(p + "totalAssets", d.totalAssets(), true);
            amount(p + "totalLiabilities", d.totalLiabilities(), true);
            amount(p + "cashDeposits", d.cashDeposits(), false);
            amount(p + "undeclaredAssets", d.undeclaredAssets(), false);
        }
    }

    private void amount(String field, BigDecimal value, boolean required) {
        if (required && !required(field, value)) {
            return;
        }
        if (value != null && value.signum() < 0) {
            add(field, "must not be negative");
        }
    }

    private <T> void list(String name, List<T> list, Function<T, String> id, java.util.function.BiConsumer<String, T> check) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = name + "[" + i + "]";
            T item = list.get(i);
            if (item == null) {
                add(at, "must be an object, not null");
                continue;
            }
            String itemId = id.apply(item);
            if (required(at + ".id", itemId)) {
                if (itemId.length() > MAX_ID) {
                    add(at + ".id", "at most " + MAX_ID + " characters");
                } else if (!ids.add(itemId)) {
                    add(at + ".id", "duplicate id " + itemId);
                }
            }
            check.accept(at + ".", item);
        }
    }

    private void officerId(String field, String value) {
        if (required(field, value) && !OFFICER_ID.matcher(value).matches()) {
            add(field, "must be 1-64 letters, digits or '-'");
        }
    }

    private void text(String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            add(field, "at most " + MAX_TEXT + " characters");
        }
    }

    private void date(String field, LocalDate value) {
        if (required(field, value)) {
            notAfter(field, value);
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
