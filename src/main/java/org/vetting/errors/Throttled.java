package org.vetting.errors;

/** Too many failed attempts (a password or a code) for an account or from an address: try again later. */
public class Throttled extends DomainException {
    private final long retryAfterSeconds;

    public Throttled(long retryAfterSeconds) {
        super("too many failed sign-ins; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
