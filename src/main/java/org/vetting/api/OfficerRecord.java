package org.vetting.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The background record of one officer, as submitted by a vetting officer (docs/api.md). Its lists
 * are those of {@link RecordList}; the record's entries are also the rules' facts.
 */
public record OfficerRecord(@Required String officerId, String givenName, String familyName, LocalDate dateOfBirth,
                            @Required String country, String agency, @Required LocalDate serviceStartDate,
                            @Required String targetUnit,
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

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
