package org.vetting.api;

/** A backtest RUNNING (with a heartbeat), DONE with its report, or FAILED (its instance stopped, or an error). */
public enum BacktestStatus {
    RUNNING, DONE, FAILED
}
