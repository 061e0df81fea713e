package org.vetting.errors;

import java.util.List;

import org.vetting.api.FieldError;

/**
 * A submission that leaves out or alters a record on file (evidence is append-only): each such
 * record is named; removing or changing one takes a correction and a second person.
 */
public class RecordsOnFileChanged extends Conflict {
    private final transient List<FieldError> errors;

    public RecordsOnFileChanged(String officerId, List<FieldError> errors) {
        super("the submission for " + officerId + " leaves out or changes " + errors.size()
                + " record(s) on file; that takes a correction approved by a second person");
        this.errors = List.copyOf(errors);
    }

    @Override
    public List<FieldError> errors() {
        return errors;
    }
}
