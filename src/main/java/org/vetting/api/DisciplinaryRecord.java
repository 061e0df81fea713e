package org.vetting.api;

import java.time.LocalDate;

/** An internal-affairs or disciplinary matter. */
public record DisciplinaryRecord(@Required String id, @Required MisconductCategory category, @Required Finding finding,
                                 Sanction sanction,
                                 @Required LocalDate date, Boolean disclosedBySubject) {
    public DisciplinaryRecord {
        sanction = sanction == null ? Sanction.NONE : sanction;
        disclosedBySubject = disclosedBySubject == null || disclosedBySubject;
    }
}
