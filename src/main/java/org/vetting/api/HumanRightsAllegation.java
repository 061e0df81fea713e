package org.vetting.api;

import java.time.LocalDate;

/** A human-rights allegation about the officer or the unit they served in (Leahy vetting). */
public record HumanRightsAllegation(@Required String id, @Required AllegationSubject subject,
                                    @Required ViolationCategory category,
                                    @Required Credibility credibility, Boolean remediated, @Required LocalDate date) {
    public HumanRightsAllegation {
        remediated = remediated != null && remediated;
    }
}
