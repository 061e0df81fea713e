package org.vetting.api;

/** Finding of an internal-affairs investigation. */
public enum Finding {
    SUBSTANTIATED, UNSUBSTANTIATED, PENDING, EXONERATED
}
