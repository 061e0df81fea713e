package org.vetting.api;

/** Result of a prior vetting programme. */
public enum VettingResult {
    GRANTED, DENIED, REVOKED
}
