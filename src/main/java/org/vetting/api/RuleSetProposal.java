package org.vetting.api;

import java.util.Map;

/**
 * {@code POST /api/rulesets}: a whole rule set — every DRL file, {@code units.yml} and the scenario
 * files ({@code scenarios/NAME.yml}) by name — and what it changes, in a sentence or two.
 */
public record RuleSetProposal(String description, Map<String, String> files) {}
