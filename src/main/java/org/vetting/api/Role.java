package org.vetting.api;

/** Roles of API.md. */
public enum Role {
    VETTING_OFFICER, ADJUDICATOR, COMMANDER, AUDITOR, ADMIN
}
