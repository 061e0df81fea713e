package org.vetting.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/** A read that cannot be logged is not answered; chain checks called together share one walk. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AccessLogFailsClosedTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;


    @Test
    void shouldWithholdAnOfficersDataWhenTheAccessLogCannotBeWritten() throws Exception {
        APP.createStaff();
        String id;
        try (Response r = APP.post("hr.lopez", "/api/candidates", Records.clean("MX-ALF-1"))) {
            id = r.readEntity(JsonNode.class).get("evaluationId").asText();
        }
        APP.execute("ALTER TABLE access_log RENAME TO access_log_unavailable");
        try (Response r = APP.as("adj.smith", "/api/evaluations/" + id).get()) {
            assertThat(r.getStatus()).isEqualTo(503);
            String body = r.readEntity(String.class);
            assertThat(body).contains("access log").doesNotContain("MX-ALF-1").doesNotContain("flags");
        } finally {
            APP.execute("ALTER TABLE access_log_unavailable RENAME TO access_log");
        }
        try (Response r = APP.as("adj.smith", "/api/evaluations/" + id).get()) {
            assertThat(r.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswerParallelChainChecks() throws Exception {
        APP.createUser("aud.parallel", "AUDITOR");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(() -> {
                    try (Response r = APP.as("aud.parallel", "/api/audit/verify").get()) {
                        return r.getStatus() == 200 && r.readEntity(JsonNode.class).get("valid").asBoolean() ? 1 : 0;
                    }
                }));
            }
            for (Future<Integer> f : calls) {
                assertThat(f.get()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
