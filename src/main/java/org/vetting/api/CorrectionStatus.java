package org.vetting.api;

/** A correction of records on file: PENDING until a second person APPROVEs or REJECTs it. */
public enum CorrectionStatus {
    PENDING, APPROVED, REJECTED
}
