package org.vetting.api;

/** One rule activation, in firing order; {@code flag} is the code it raised, or null. */
public record FiredRuleView(int sequence, String rule, String flag) {}
