package org.vetting.api;

/** The letters of an adverse case: the notice (statement of reasons) and the final decision. */
public enum LetterKind {
    NOTICE, FINAL
}
