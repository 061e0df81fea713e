package org.vetting.errors;

/** The request does not fit the current state (already exists, already decided, changed meanwhile). */
public class Conflict extends DomainException {
    public Conflict(String message) {
        super(message);
    }
}
