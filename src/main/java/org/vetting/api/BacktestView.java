package org.vetting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A backtest of a proposed version ({@code version}) against the set active when it started
 * ({@code against}): progress while RUNNING; when DONE the transitions per unit (every pair, the
 * unchanged ones too), codes gained and lost, and every (officer, unit) whose outcome changes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BacktestView(String backtestId, String version, String against, BacktestStatus status, int done, int total,
                           LocalDate asOf, String startedBy, Instant startedAt, Instant finishedAt, String reportSha256,
                           String error, List<Transition> transitions, List<CodeCount> codes, List<Change> changes,
                           Integer changesOutsideScope) {

    public record Transition(String unit, String from, String to, int count) {}

    public record CodeCount(String code, int gained, int lost) {}

    /** {@code country} lets a reader see only the changes of officers in their countries. */
    public record Change(String officerId, String country, String unit, String from, String to, List<String> gained,
                         List<String> lost) {}
}
