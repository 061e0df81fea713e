package org.vetting.api;

/** A person or organisation the officer is associated with. */
public record Association(String id, Relationship relationship, OrganizationType organizationType,
                          AssociationStatus status, Boolean disclosedBySubject) {
    public Association {
        disclosedBySubject = disclosedBySubject == null || disclosedBySubject;
    }
}
