package org.vetting.api;

/** Roles of docs/api.md. */
public enum Role {
    VETTING_OFFICER, ADJUDICATOR, COMMANDER, AUDITOR, ADMIN
}
