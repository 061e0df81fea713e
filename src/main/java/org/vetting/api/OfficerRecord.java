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

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
