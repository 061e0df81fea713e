package org.vetting.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * What screening found for an evaluation (API v1.2): the list versions in force and each possible
 * match, with an explanation in the reader's language (list, entry, names, score, parts that agree).
 */
public record ScreeningView(List<ListVersion> lists, List<Hit> hits) {
    public record ListVersion(String list, int version) {}

    public record Hit(String hitId, String subject, String subjectName, String list, int listVersion, String entryId,
                      String entryName, BigDecimal score, List<String> matchedParts, String status,
                      String explanation) {}
}
