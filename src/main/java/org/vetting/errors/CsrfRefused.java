package org.vetting.errors;

/** A state-changing call made with the session cookie but without the session's CSRF token. */
public class CsrfRefused extends DomainException {
    public CsrfRefused() {
        super("a state-changing call made with the session cookie carries the session's X-CSRF-Token");
    }
}
