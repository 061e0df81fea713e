package org.vetting.evaluation;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import org.vetting.common.Json;
import org.vetting.rules.WatchlistHit;

/**
 * What screening found for a record when it was evaluated (docs/screening.md): the list versions in
 * force and each possible match with its review status then. Stored with the evaluation as part of
 * its input, so that a replay gives the rules the same facts.
 */
public record Screening(List<ListVersion> lists, List<Hit> hits) {
    public record ListVersion(String list, int version) {}

    /**
     * One possible match: {@code hitId} (null in a dry run, which stores nothing), the subject
     * ({@code OFFICER} or {@code ASSOCIATION:<id>}) and the name screened, the entry and the name of it
     * that matched, the score and the name parts that agree, and the review status.
     */
    public record Hit(String hitId, String subject, String subjectName, String list, int listVersion, String entryId,
                      String entryName, BigDecimal score, List<String> matchedParts, String status) {}

    static final TypeReference<Screening> TYPE = new TypeReference<>() {};

    /** The facts the rules get: one per hit; a dry run's unstored hits are named by list and entry. */
    public List<WatchlistHit> facts() {
        return hits.stream().map(h -> new WatchlistHit(h.hitId() != null ? h.hitId() : h.list() + "/" + h.entryId(),
                h.subject(), h.list(), h.entryId(), h.score(), h.status())).toList();
    }

    public static List<WatchlistHit> facts(String json) {
        return json == null ? List.of() : Json.read(json, TYPE).facts();
    }

    public static Screening read(String json) {
        return json == null ? null : Json.read(json, TYPE);
    }
}
