package org.vetting.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A role's start page: a few headline numbers and the series of its chart — a commander's
 * clearances by status and expiries by month, an adjudicator's queue by age, an auditor's decisions
 * per day by outcome. Counts only: no officer is named.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DashboardView(List<Figure> figures, List<Point> series) {

    /** A headline number: what it counts (a code) and how many. */
    public record Figure(String key, long value) {}

    /** One bar: its group (a unit, a month, an age band, a day), what it counts (a status or outcome), how many. */
    public record Point(String group, String key, long value) {}
}
