package org.vetting.api;

import java.time.LocalDate;
import java.util.List;

/** The background record of one officer, as submitted by a vetting officer (API.md). */
public record OfficerRecord(String officerId, String givenName, String familyName, LocalDate dateOfBirth,
                            String country, String agency, LocalDate serviceStartDate, String targetUnit,
                            List<Exam> exams, List<CriminalRecord> criminalRecords,
                            List<DisciplinaryRecord> disciplinaryRecords,
                            List<HumanRightsAllegation> humanRightsAllegations,
                            List<FinancialDisclosure> financialDisclosures, List<Association> associations,
                            List<PriorVetting> priorVetting) {
    public OfficerRecord {
        exams = orEmpty(exams);
        criminalRecords = orEmpty(criminalRecords);
        disciplinaryRecords = orEmpty(disciplinaryRecords);
        humanRightsAllegations = orEmpty(humanRightsAllegations);
        financialDisclosures = orEmpty(financialDisclosures);
        associations = orEmpty(associations);
        priorVetting = orEmpty(priorVetting);
    }

    /** The same record evaluated for another unit. */
    public OfficerRecord forUnit(String unit) {
        return new OfficerRecord(officerId, givenName, familyName, dateOfBirth, country, agency, serviceStartDate, unit,
                exams, criminalRecords, disciplinaryRecords, humanRightsAllegations, financialDisclosures, associations,
                priorVetting);
    }

    /** The record with the additions appended to its lists (continuous vetting). */
    public OfficerRecord with(RecordAdditions add) {
        return new OfficerRecord(officerId, givenName, familyName, dateOfBirth, country, agency, serviceStartDate,
                targetUnit, concat(exams, add.exams()), concat(criminalRecords, add.criminalRecords()),
                concat(disciplinaryRecords, add.disciplinaryRecords()),
                concat(humanRightsAllegations, add.humanRightsAllegations()),
                concat(financialDisclosures, add.financialDisclosures()), concat(associations, add.associations()),
                concat(priorVetting, add.priorVetting()));
    }

    /** How many entries each list holds, by its JSON name. */
    public java.util.Map<String, Integer> sizes() {
        return java.util.Map.of("exams", exams.size(), "criminalRecords", criminalRecords.size(),
                "disciplinaryRecords", disciplinaryRecords.size(), "humanRightsAllegations", humanRightsAllegations.size(),
                "financialDisclosures", financialDisclosures.size(), "associations", associations.size(),
                "priorVetting", priorVetting.size());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
