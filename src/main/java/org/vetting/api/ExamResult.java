package org.vetting.api;

/** Result of one trust-control exam. */
public enum ExamResult {
    PASS, FAIL, INCONCLUSIVE, REFUSED
}
