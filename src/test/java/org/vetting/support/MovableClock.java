package org.vetting.support;

import java.time.LocalDate;

import org.vetting.common.DayClock;

/** A clock the test moves: days pass when the test says so. */
public final class MovableClock extends DayClock {
    public MovableClock(LocalDate today) {
        super(today);
    }

    public void moveTo(LocalDate day) {
        set(day);
    }
}
