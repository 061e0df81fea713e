package org.vetting.errors;

/** A sign-in step refused: a wrong password or code, a code used before, a session that ended. */
public class Unauthenticated extends DomainException {
    public Unauthenticated(String message) {
        super(message);
    }
}
