package org.vetting.errors;

/** The caller may hold the role but not act on this case: their own submission, their own record, the same approver twice. */
public class SeparationOfDuties extends DomainException {
    public SeparationOfDuties(String message) {
        super("separation of duties: " + message);
    }
}
