package org.vetting.api;

import java.util.List;

/**
 * The body of a step of an adverse case; each step reads the fields it needs (docs/api.md):
 * a notice {@code reasons} (and {@code languages}, "EN" and/or "ES": the officer's own by default),
 * a reply or an appeal {@code text}, an extension {@code days} and {@code reasons}, a
 * reconsideration {@code decision} (UPHOLD or WITHDRAW) and {@code reasons}, a vote {@code vote}
 * (UPHOLD or REVERSE) and {@code reasons}.
 */
public record AdverseRequest(String reasons, List<String> languages, String text, Integer days, String decision,
                             String vote) {
    public AdverseRequest {
        languages = languages == null ? List.of() : languages;
    }
}
