package org.vetting.clearance;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.vetting.common.Language;

/** A condition of a clearance, in both languages (an adjudicator's own text is the same in both). */
public record Condition(String en, String es) {
    /** The JSON type of a stored list of conditions. */
    public static final TypeReference<List<Condition>> LIST =
            new TypeReference<>() {};

    public String in(Language language) {
        return language == Language.ES ? es : en;
    }

    public static List<String> in(List<Condition> conditions, Language language) {
        return conditions.stream().map(c -> c.in(language)).toList();
    }
}
