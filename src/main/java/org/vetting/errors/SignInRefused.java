package org.vetting.errors;

/**
 * The identity provider knows the person, the service does not let them in: no user of that name,
 * a disabled user, or a service account (a program signs in with a bearer token, never a browser).
 */
public class SignInRefused extends DomainException {
    public SignInRefused(String message) {
        super(message);
    }
}
