package org.vetting.api;

/** Human-rights violation categories: the GROSS set of docs/policy.md (HUMAN_RIGHTS) first. */
public enum ViolationCategory {
    TORTURE, EXTRAJUDICIAL_KILLING, ENFORCED_DISAPPEARANCE, SEXUAL_VIOLENCE, ARBITRARY_DETENTION, EXCESSIVE_FORCE, OTHER
}
