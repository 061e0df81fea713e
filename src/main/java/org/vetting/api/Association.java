package org.vetting.api;

import java.time.LocalDate;

/**
 * A person or organisation the officer is associated with. {@code name} and {@code birthDate}
 * (policy v1.2, optional) are what screening compares against the watchlists.
 */
public record Association(@Required String id, @Required Relationship relationship,
                          @Required OrganizationType organizationType, @Required AssociationStatus status,
                          Boolean disclosedBySubject, String name, LocalDate birthDate) {
    public Association {
        disclosedBySubject = disclosedBySubject == null || disclosedBySubject;
    }

    public Association(String id, Relationship relationship, OrganizationType organizationType,
                       AssociationStatus status, Boolean disclosedBySubject) {
        this(id, relationship, organizationType, status, disclosedBySubject, null, null);
    }
}
