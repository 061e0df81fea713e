package org.vetting.api;

import java.time.LocalDate;

/** A human-rights allegation about the officer or the unit they served in (Leahy vetting). */
public record HumanRightsAllegation(String id, AllegationSubject subject, ViolationCategory category,
                                    Credibility credibility, Boolean remediated, LocalDate date) {
    public HumanRightsAllegation {
        remediated = remediated != null && remediated;
    }
}
