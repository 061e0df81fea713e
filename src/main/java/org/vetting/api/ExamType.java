package org.vetting.api;

/** Trust-control exam types (control de confianza). */
public enum ExamType {
    POLYGRAPH, TOXICOLOGICAL, PSYCHOLOGICAL, MEDICAL, SOCIOECONOMIC
}
