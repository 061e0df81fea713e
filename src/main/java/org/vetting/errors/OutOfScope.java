package org.vetting.errors;

/** Outside what the caller is bound to (a commander asking about a unit they do not command). */
public class OutOfScope extends DomainException {
    public OutOfScope(String message) {
        super(message);
    }
}
