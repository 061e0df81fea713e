package org.vetting.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A condition an adjudicator attaches to a grant: the text commanders see (what the officer must
 * or may not do, naming no finding) and, separately, a note for the file that commanders never see.
 * A plain string is a commander text without a note.
 */
public record ConditionText(String commander, String note) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public ConditionText(@JsonProperty("commander") String commander, @JsonProperty("note") String note) {
        this.commander = commander;
        this.note = note;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ConditionText of(String commander) {
        return new ConditionText(commander, null);
    }
}
