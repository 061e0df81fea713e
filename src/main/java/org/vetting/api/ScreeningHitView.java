package org.vetting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A possible watchlist match for review (API v1.2): the officer and the subject screened beside the
 * list entry as it stood, the score and agreeing parts explained, the status and the reviews so far.
 */
public record ScreeningHitView(String hitId, String officerId, String officerName, String country,
                               LocalDate dateOfBirth, String subject, String subjectName, LocalDate subjectBirthDate,
                               String list, int listVersion, String entryId, String entryName, BigDecimal score,
                               List<String> matchedParts, HitStatus status, Instant raisedAt, String explanation,
                               Entry entry, List<Review> reviews) {
    /** The list entry as it stood when the hit was raised. */
    public record Entry(String type, String name, List<String> aliases, List<String> weakAliases, String birthDate,
                        List<String> nationality, String program, String remarks) {}

    public record Review(int step, String decision, String reasons, String reviewedBy, Instant reviewedAt) {}

    /** A row of the review queue. */
    public record Item(String hitId, String officerId, String officerName, String country, String subject,
                       String subjectName, String list, String entryId, String entryName, BigDecimal score,
                       HitStatus status, Instant raisedAt) {}
}
