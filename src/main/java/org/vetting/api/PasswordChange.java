package org.vetting.api;

/** Body of {@code POST /api/me/password}. */
public record PasswordChange(String current, String replacement) {
    @com.fasterxml.jackson.annotation.JsonCreator
    public PasswordChange(@com.fasterxml.jackson.annotation.JsonProperty("current") String current,
                          @com.fasterxml.jackson.annotation.JsonProperty("new") String replacement) {
        this.current = current;
        this.replacement = replacement;
    }
}
