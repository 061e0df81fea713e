package org.vetting.api;

import java.util.List;

/**
 * Body of {@code POST /api/officers/{officerId}/corrections}: the keys of records on file to remove
 * (an id, or a disclosure's year), records on file to replace (under the record's list keys, each
 * with the key of the record it replaces), and the written reasons.
 */
public record CorrectionRequest(List<String> remove, OfficerRecord replace, String reasons) {
    public CorrectionRequest {
        remove = remove == null ? List.of() : remove;
    }
}
