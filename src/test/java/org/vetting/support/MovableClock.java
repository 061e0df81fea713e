package org.vetting.support;

import java.time.Duration;
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

    /** Time passes: minutes of a session, the steps of an authenticator app. */
    public void advance(Duration time) {
        set(instant().plus(time));
    }
}
