package org.vetting.api;

/** Kind of organisation an associate belongs to. */
public enum OrganizationType {
    CRIMINAL_ORGANIZATION, OTHER
}
