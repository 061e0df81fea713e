package org.vetting.errors;

/** Something the service relies on cannot be reached now (the identity provider): try again later. */
public class Unavailable extends DomainException {
    public Unavailable(String message) {
        super(message);
    }
}
