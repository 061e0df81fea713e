package org.vetting.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /api/me/password}. */
public record PasswordChange(String current, String replacement) {
    @JsonCreator
    public PasswordChange(@JsonProperty("current") String current,
                          @JsonProperty("new") String replacement) {
        this.current = current;
        this.replacement = replacement;
    }
}
