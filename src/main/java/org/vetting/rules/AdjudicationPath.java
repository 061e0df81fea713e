package org.vetting.rules;

/** What an adjudicator may do with an evaluation, as the outcome rules decide it. */
public enum AdjudicationPath {
    /** Nothing to decide: the outcome stands (or the record must be completed first). */
    NONE,
    /** One adjudicator grants or denies (a REFERRED case). */
    DECISION,
    /** A grant waives every DISQUALIFYING code and takes two different adjudicators; a denial takes one. */
    WAIVER
}
