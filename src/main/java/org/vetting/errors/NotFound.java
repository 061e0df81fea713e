package org.vetting.errors;

/** The thing asked for does not exist (or, for the caller, must look as if it did not). */
public class NotFound extends DomainException {
    public NotFound(String message) {
        super(message);
    }

    public static NotFound evaluation(String id) {
        return new NotFound("no evaluation " + id);
    }

    public static NotFound officer(String officerId) {
        return new NotFound("no officer " + officerId + " was ever submitted");
    }
}
