package org.vetting.api;

import java.util.List;

/** Body of {@code POST /api/officers/{officerId}/records}: the record's list keys only (API.md). */
public record RecordAdditions(List<Exam> exams, List<CriminalRecord> criminalRecords,
                              List<DisciplinaryRecord> disciplinaryRecords,
                              List<HumanRightsAllegation> humanRightsAllegations,
                              List<FinancialDisclosure> financialDisclosures, List<Association> associations,
                              List<PriorVetting> priorVetting) {
    public RecordAdditions {
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

    public boolean isEmpty() {
        return exams.isEmpty() && criminalRecords.isEmpty() && disciplinaryRecords.isEmpty()
                && humanRightsAllegations.isEmpty() && financialDisclosures.isEmpty() && associations.isEmpty()
                && priorVetting.isEmpty();
    }
}
