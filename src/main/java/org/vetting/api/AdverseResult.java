package org.vetting.api;

/** How an adverse case ended, or stands once final: upheld, withdrawn on reconsideration, reversed by the board. */
public enum AdverseResult {
    UPHELD, WITHDRAWN, REVERSED
}
