package org.vetting.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The service's notion of time, from one injectable clock (tests move it): today's date in the
 * configured zone (the {@code asOf} of a submission, expiry), and now at the microsecond precision
 * both databases store — so audit content built from the values being written equals the content
 * rebuilt from the rows read back.
 */
public final class ServiceTime {
    private final Clock clock;
    private final ZoneId zone;

    public ServiceTime(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The zone whose calendar says which day it is. */
    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
