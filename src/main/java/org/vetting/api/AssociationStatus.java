package org.vetting.api;

/** How firmly an association is established. */
public enum AssociationStatus {
    CONFIRMED, SUSPECTED
}
