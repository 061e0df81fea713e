package org.vetting.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Officer records as JSON-shaped maps, so tests can send exactly what a client would, including
 * what the typed API would never let through.
 */
public final class Records {
    private Records() {}

    /** A clean officer for JU-FENTANYL on {@link TestApp#TODAY}: all five exams passed in March 2026. */
    /** A clean record with a conviction for drug trafficking: INELIGIBLE (SERIOUS_CONVICTION, never waived). */
    public static Map<String, Object> convicted(String officerId) {
        Map<String, Object> r = clean(officerId);
        list(r, "criminalRecords").add(Map.of("id", "c1", "category", "DRUG_TRAFFICKING", "status", "CONVICTED",
                "date", "2015-01-01"));
        return r;
    }

    public static Map<String, Object> clean(String officerId) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("officerId", officerId);
        r.put("givenName", "Ana");
        r.put("familyName", "Ruiz");
        r.put("dateOfBirth", "1988-02-11");
        r.put("country", "MX");
        r.put("agency", "Guardia Nacional");
        r.put("serviceStartDate", "2012-06-01");
        r.put("targetUnit", "JU-FENTANYL");
        List<Object> exams = new ArrayList<>();
        exams.add(exam("e1", "POLYGRAPH", "PASS", "2026-03-10"));
        exams.add(exam("e2", "TOXICOLOGICAL", "PASS", "2026-03-10"));
        exams.add(exam("e3", "PSYCHOLOGICAL", "PASS", "2026-03-11"));
        exams.add(exam("e4", "SOCIOECONOMIC", "PASS", "2026-03-12"));
        exams.add(exam("e5", "MEDICAL", "PASS", "2026-03-12"));
        r.put("exams", exams);
        List<Object> disclosures = new ArrayList<>();
        disclosures.add(disclosure(2025, 420000, 1500000, 200000));
        r.put("financialDisclosures", disclosures);
        return r;
    }

    /**
     * A typical record under review: the clean officer plus a retaken medical exam, an old fraud
     * conviction, an unsubstantiated bribery complaint, a family tie and a second disclosure.
     */
    public static Map<String, Object> typical(String officerId) {
        Map<String, Object> r = clean(officerId);
        list(r, "exams").add(exam("e6", "MEDICAL", "FAIL", "2025-09-01"));
        list(r, "financialDisclosures").add(disclosure(2024, 400000, 1300000, 210000));
        list(r, "criminalRecords").add(new LinkedHashMap<>(Map.of("id", "c1", "category", "FRAUD", "status",
                "CONVICTED", "date", "2014-05-02")));
        list(r, "disciplinaryRecords").add(new LinkedHashMap<>(Map.of("id", "d1", "category", "BRIBERY", "finding",
                "UNSUBSTANTIATED", "date", "2023-01-15")));
        list(r, "associations").add(new LinkedHashMap<>(Map.of("id", "a1", "relationship", "FAMILY",
                "organizationType", "CRIMINAL_ORGANIZATION", "status", "SUSPECTED")));
        list(r, "priorVetting").add(new LinkedHashMap<>(Map.of("id", "p1", "program", "SIU", "result", "GRANTED",
                "date", "2022-02-01")));
        return r;
    }

    public static Map<String, Object> exam(String id, String type, String result, String date) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("type", type);
        e.put("result", result);
        e.put("date", date);
        return e;
    }

    public static Map<String, Object> disclosure(int year, long income, long assets, long liabilities) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("year", year);
        d.put("annualIncome", income);
        d.put("otherIncome", 0);
        d.put("totalAssets", assets);
        d.put("totalLiabilities", liabilities);
        d.put("cashDeposits", 0);
        d.put("undeclaredAssets", 0);
        return d;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> record, String key) {
        return (List<Object>) record.computeIfAbsent(key, k -> new ArrayList<>());
    }
}
