package org.vetting.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/policy.md is generated from rules/ and must be what the rules say today. */
class PolicyDocumentTest {
    private static final RuleSet RULES = RuleSetLoader.fromDirectory(Path.of("rules"));

    @Test
    void theCommittedPolicyDocumentIsTheOneTheRulesGenerate() throws IOException {
        String committed = Files.readString(Path.of("docs/policy.md"), StandardCharsets.UTF_8);
        assertThat(committed)
                .as("docs/policy.md is stale: run `mvn -B -q package -DskipTests && " + PolicyDocument.COMMAND + "`")
                .isEqualTo(PolicyDocument.render(RULES));
    }

    @Test
    void everyCodeOfTheRulesIsDocumented_WithItsSeverityAndBothMessages() {
        String document = PolicyDocument.render(RULES);
        for (RuleInfo r : RULES.rules()) {
            assertThat(document).contains("### " + r.name());
            if (r.code() != null) {
                assertThat(document).contains("Code `" + r.code() + "`, severity **" + r.severity() + "**")
                        .contains(r.messageEn()).contains(r.messageEs());
            }
        }
        RULES.units().keySet().forEach(unit -> assertThat(document).contains("| " + unit + " |"));
    }
}
