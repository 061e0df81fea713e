package org.vetting.errors;

/**
 * A second signature of a four-eyes step without a second factor proved recently enough: the
 * person proves one again ({@code POST /api/session/reauthenticate}) and retries; nothing changed.
 */
public class ReauthenticationRequired extends Unauthenticated {
    public ReauthenticationRequired() {
        super("a four-eyes step needs a second factor proved in the last minutes: reauthenticate and try again");
    }
}
