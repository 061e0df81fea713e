package org.vetting.api;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /api/candidates/batch}: up to 1,000 officer records, each stored or refused on its own
 * (read one by one, so that one unreadable record does not refuse the others).
 */
public record CandidateBatch(List<JsonNode> records) {}
