package org.vetting.api;

import java.time.LocalDate;

/** An internal-affairs or disciplinary matter. */
public record DisciplinaryRecord(String id, MisconductCategory category, Finding finding, Sanction sanction,
                                 LocalDate date, Boolean disclosedBySubject) {
    public DisciplinaryRecord {
        sanction = sanction == null ? Sanction.NONE : sanction;
        disclosedBySubject = disclosedBySubject == null || disclosedBySubject;
    }
}
