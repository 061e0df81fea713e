package org.vetting.api;

import java.time.Instant;

/**
 * A letter as JSON: its text, its SHA-256 (of the PDF, as in the audit chain) and whether the
 * service regenerated the same PDF from the chain just now ({@code reproduced}).
 */
public record LetterView(String letterId, String caseId, LetterKind kind, String language, String sha256,
                         Instant createdAt, String text, boolean reproduced) {}
