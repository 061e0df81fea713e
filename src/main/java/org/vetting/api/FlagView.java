package org.vetting.api;

import java.util.List;

/** A flag in an evaluation response, with its message in the caller's language. */
public record FlagView(String code, String category, String severity, boolean waivable, List<String> evidence,
                       String rule, String message) {}
