package org.vetting.api;

import java.time.LocalDate;

/** A criminal matter: conviction, charge, investigation, arrest, acquittal or dismissal. */
public record CriminalRecord(@Required String id, @Required CrimeCategory category, @Required CriminalStatus status,
                             @Required LocalDate date,
                             Integer servedMonths, Boolean disclosedBySubject) {
    public CriminalRecord {
        servedMonths = servedMonths == null ? 0 : servedMonths;
        disclosedBySubject = disclosedBySubject == null || disclosedBySubject;
    }
}
