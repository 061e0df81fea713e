package org.vetting.api;

/** Where a criminal matter stands. */
public enum CriminalStatus {
    CONVICTED, CHARGED, UNDER_INVESTIGATION, ARRESTED_NOT_CHARGED, ACQUITTED, DISMISSED
}
