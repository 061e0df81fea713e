package org.vetting.api;

import java.util.List;

import org.vetting.rules.Severity;

/** A flag in an evaluation response, with its message in the caller's language. */
public record FlagView(String code, String category, Severity severity, boolean waivable, List<String> evidence,
                       String rule, String message) {}
