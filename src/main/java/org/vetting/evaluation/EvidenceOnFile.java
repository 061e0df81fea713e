package org.vetting.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.vetting.api.FieldError;
import org.vetting.api.OfficerRecord;
import org.vetting.api.RecordList;
import org.vetting.common.Json;

/**
 * Evidence is append-only (docs/api.md "Integrity"): a later submission must carry every record on
 * file unchanged — entries by their key (id; a disclosure by its year), compared as canonical JSON —
 * and may add records and change the officer's names, agency and target unit. Anything else is a
 * correction.
 */
final class EvidenceOnFile {
    private EvidenceOnFile() {}

    /** What the submission leaves out or changes of the record on file; empty when it only adds. */
    static List<FieldError> changes(OfficerRecord onFile, OfficerRecord submitted) {
        List<FieldError> errors = new ArrayList<>();
        unchanged(errors, "dateOfBirth", onFile.dateOfBirth(), submitted.dateOfBirth());
        unchanged(errors, "country", onFile.country(), submitted.country());
        unchanged(errors, "serviceStartDate", onFile.serviceStartDate(), submitted.serviceStartDate());
        for (RecordList list : RecordList.values()) {
            Map<String, String> now = entries(list, submitted);
            entries(list, onFile).forEach((key, json) -> {
                String submittedJson = now.get(key);
                if (submittedJson == null) {
                    errors.add(new FieldError(list.field(), "record " + key
                            + " on file is missing; removing it needs a correction"));
                } else if (!submittedJson.equals(json)) {
                    errors.add(new FieldError(list.field(), "record " + key
                            + " on file was changed; changing it needs a correction"));
                }
            });
        }
        return errors;
    }

    /** The entries of one list by key, each as canonical JSON. */
    static Map<String, String> entries(RecordList list, OfficerRecord record) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (Object entry : list.of(record)) {
            entries.put(list.keyOf(entry), Json.write(entry));
        }
        return entries;
    }

    private static void unchanged(List<FieldError> errors, String field, Object onFile, Object submitted) {
        if (onFile != null && !Objects.equals(onFile, submitted)) {
            errors.add(new FieldError(field, "differs from the record on file (" + onFile
                    + "); changing it needs a correction"));
        }
    }
}
