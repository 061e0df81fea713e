package org.vetting.api;

/**
 * A recorded adjudication: the FIRST_APPROVAL of a waiver (it changes nothing until a second,
 * different adjudicator records the FINAL step), or the FINAL decision.
 */
public enum AdjudicationStage {
    FIRST_APPROVAL, FINAL
}
