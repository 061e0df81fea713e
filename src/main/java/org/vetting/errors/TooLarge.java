package org.vetting.errors;

/** A request body over the size the service reads. */
public class TooLarge extends DomainException {
    public TooLarge(String message) {
        super(message);
    }
}
