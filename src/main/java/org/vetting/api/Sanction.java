package org.vetting.api;

/** Disciplinary sanction (DISMISSAL = destitución,  DISQUALIFICATION = inhabilitación). */
public enum Sanction {
    NONE, REPRIMAND, SUSPENSION, DEMOTION, DISMISSAL, DISQUALIFICATION
}
