package org.vetting.rules;

/** One rule activation, in firing order; {@code flag} is the code it raised, or null. */
public record FiredRule(int sequence, String rule, String flag) {}
