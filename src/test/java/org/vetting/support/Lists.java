package org.vetting.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.Response;

/** Watchlists in tests: the invented sample files shipped with the service, importing, waiting for re-screening. */
public final class Lists {
    private Lists() {}

    /** A sample list file (src/main/resources/watchlists/…; every entry invented). */
    public static String sample(String path) {
        try (InputStream in = Lists.class.getResourceAsStream("/watchlists/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response importList(TestApp app, String user, String list, String format, Map<String, String> files) {
        return app.post(user, "/api/watchlists/" + list + "/versions", Map.of("format", format, "files", files));
    }

    /** The sample OFAC list (sdn.csv and alt.csv) as list OFAC-SDN. */
    public static JsonNode importOfacSample(TestApp app, String user) {
        try (Response r = importList(app, user, "OFAC-SDN", "ofac-csv", Map.of("sdn.csv", sample("ofac/sdn.csv"),
                "alt.csv", sample("ofac/alt.csv")))) {
            JsonNode body = r.readEntity(JsonNode.class);
            if (r.getStatus() != 201) {
                throw new IllegalStateException("import refused: " + body);
            }
            return body;
        }
    }

    /** Waits for the re-screening started by a list version to finish; answers its progress. */
    public static JsonNode awaitRescreening(TestApp app, String user, String list, int version)
            throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            for (JsonNode l : app.as(user, "/api/watchlists").get(JsonNode.class)) {
                JsonNode r = l.get("rescreening");
                if (l.get("list").asText().equals(list) && l.get("active").get("version").asInt() == version
                        && r != null && !r.get("finishedAt").isNull()) {
                    return r;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the re-screening of " + list + " " + version + " did not finish");
    }
}
