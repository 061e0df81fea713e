package org.vetting.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that reads noon (UTC) of the day it is set to: for replaying history (the demo) and for tests. */
public class DayClock extends Clock {
    private volatile Instant now;

    public DayClock(LocalDate day) {
        set(day);
    }

    public final void set(LocalDate day) {
        now = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    /** Sets the clock to an instant (a test moving minutes, not days). */
    protected final void set(Instant at) {
        now = at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
