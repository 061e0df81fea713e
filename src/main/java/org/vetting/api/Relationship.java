package org.vetting.api;

/** Relationship of an associated person to the subject. */
public enum Relationship {
    FAMILY, ASSOCIATE, BUSINESS
}
