package org.vetting.api;

/** A person or organisation the officer is associated with. */
public record Association(@Required String id, @Required Relationship relationship,
                          @Required OrganizationType organizationType, @Required AssociationStatus status,
                          Boolean disclosedBySubject) {
    public Association {
        disclosedBySubject = disclosedBySubject == null || disclosedBySubject;
    }
}
