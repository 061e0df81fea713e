package org.vetting.scenarios;

/** The verdict on one scenario; {@code problem} says what differed, or null when it passed. */
public record ScenarioResult(Scenario scenario, String problem) {
    public boolean passed() {
        return problem == null;
    }

    public String line() {
        return (passed() ? "PASS " : "FAIL ") + scenario.file() + " :: " + scenario.name()
                + (passed() ? "" : " -- " + problem);
    }
}
