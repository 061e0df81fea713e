package org.vetting.api;

/** The adverse case an evaluation opened (policy section 9): its id and its stage now. */
public record AdverseCaseRef(String caseId, AdverseStage stage) {}
