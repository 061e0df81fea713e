package org.vetting.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/** The queue, the users and an officer's evaluations page like every list: pages of one equal the whole list. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PagingTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void data() {
        APP.createStaff();
        for (int i = 0; i < 4; i++) {
            var r = Records.clean("MX-PG-" + i);
            Records.list(r, "criminalRecords").add(Map.of("id", "c" + i, "category", "THEFT", "status", "CHARGED",
                    "date", "2026-01-01"));
            APP.post("hr.lopez", "/api/candidates", r).close();
            Records.list(r, "priorVetting").add(Map.of("id", "p1", "program", "SIU", "result", "GRANTED",
                    "date", "2020-01-01"));
            APP.post("hr.lopez", "/api/candidates", r).close();
        }
    }

    @ParameterizedTest
    @CsvSource({"adj.smith, /api/adjudications/queue, evaluationId, 4", "admin, /api/users, username, 5",
            "adj.smith, /api/officers/MX-PG-0/evaluations, evaluationId, 2"})
    void shouldPageInAStableOrder(String user, String path, String key, int expected) {
        List<String> all = APP.get(user, path + "?limit=1000").get("items").findValuesAsText(key);
        assertThat(all).hasSize(expected);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = APP.get(user, path + "?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(page.get("items").findValuesAsText(key));
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null);
        assertThat(paged).isEqualTo(all);
        try (Response r = APP.as(user, path + "?limit=5000").get()) {
            assertThat(r.getStatus()).isEqualTo(422);
        }
    }
}
