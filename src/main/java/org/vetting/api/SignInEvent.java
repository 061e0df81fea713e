package org.vetting.api;

/** An entry of the sign-in log auditors read ({@code GET /api/audit/sign-ins}). */
public enum SignInEvent {
    /** The password was right; a second factor is still to be proved or enrolled. */
    PASSWORD_ACCEPTED,
    SIGNED_IN,
    WRONG_CREDENTIALS,
    WRONG_CODE,
    /** The identity provider signed in someone who is no (enabled) user of this service. */
    NOT_A_USER,
    FACTOR_ENROLLED,
    FACTOR_REMOVED,
    RECOVERY_CODES_ISSUED,
    REAUTHENTICATED,
    SIGNED_OUT,
    /** Every session of the user ended: disabled, roles changed, or an administrator ended them. */
    SESSIONS_ENDED;

    /** A refused attempt: what the metrics count as failed sign-ins. */
    public boolean failure() {
        return this == WRONG_CREDENTIALS || this == WRONG_CODE || this == NOT_A_USER;
    }
}
