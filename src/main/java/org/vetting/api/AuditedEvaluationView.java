package org.vetting.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An audit history item: the whole evaluation plus its chain entry; {@code input} (the record
 * exactly as evaluated) only when one entry is asked for.
 */
public record AuditedEvaluationView(@JsonUnwrapped EvaluationView evaluation,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) String officerName, long sequence, String hash,
                                    String previousHash, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode input) {}
