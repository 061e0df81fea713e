package org.vetting.api;

/** Criminal record categories: the SERIOUS set of docs/policy.md (CRIMINAL) first. */
public enum CrimeCategory {
    ORGANIZED_CRIME, DRUG_TRAFFICKING, CORRUPTION, MONEY_LAUNDERING, ARMS_TRAFFICKING, HUMAN_TRAFFICKING, KIDNAPPING, HOMICIDE, VIOLENT, FRAUD, THEFT, OTHER, MINOR
}
