package org.vetting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An adverse case as the API shows it (docs/api.md "Adverse cases"). Beyond the contract's fields:
 * {@code officerName}, {@code openedBy}, {@code dueOn} and {@code daysLeft} (the window now running,
 * in calendar days; negative once it has closed) and {@code history} (every step, oldest first).
 */
public record AdverseCaseView(String caseId, String officerId, String officerName, String unit, AdverseKind kind,
                              AdverseStage stage, AdverseResult result, String evaluationId, String openedBy,
                              Instant openedAt, String noticeIssuedBy, Instant noticeIssuedAt, LocalDate replyDueOn,
                              LocalDate extendedTo, List<Statement> replies, String reconsideredBy, Instant finalAt,
                              LocalDate appealDueOn, Statement appeal, List<Vote> votes, List<Letter> letters,
                              LocalDate dueOn, Long daysLeft, List<Step> history) {

    /** A reply or an appeal: the officer's text, recorded by a vetting officer. */
    public record Statement(String text, String recordedBy, Instant recordedAt) {}

    /** A board member's vote with reasons. */
    public record Vote(String by, String vote, String reasons, Instant at) {}

    /** A letter's description; its PDF and text are at {@code /api/adverse-cases/{caseId}/letters/{letterId}}. */
    public record Letter(String letterId, LetterKind kind, String language, String sha256, Instant createdAt) {}

    /** One step of the case's history. */
    public record Step(AdverseStep step, String actor, Instant at, String text, String decision, Integer days,
                       String evaluationId) {}

    /** A page-list item: what a queue shows. */
    public record Item(String caseId, String officerId, String officerName, String unit, AdverseKind kind,
                       AdverseStage stage, AdverseResult result, Instant openedAt, LocalDate dueOn, Long daysLeft) {}
}
