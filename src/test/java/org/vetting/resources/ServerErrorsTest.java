package org.vetting.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.TestApp;

/**
 * The errors the server answers itself, before or beside the API — a path nothing serves, a
 * malformed URI, a header of 100 KB — are the service's JSON error body with its security headers,
 * not Jetty's HTML page (docs/api.md, "Errors"). Sent over a raw socket, as a client library would
 * not send them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ServerErrorsTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;

    /** The status line, the headers (lower-cased names) and the body of one raw request. */
    record Raw(String status, String headers, String body) {}

    static Raw send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", EXT.getLocalPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, end);
            return new Raw(head.substring(0, head.indexOf("\r\n")), head.substring(head.indexOf("\r\n") + 2)
                    .toLowerCase(), answer.substring(end + 4));
        }
    }

    static void assertJsonError(Raw r, int status) throws IOException {
        assertThat(r.status()).startsWith("HTTP/1.1 " + status);
        assertThat(r.headers()).contains("content-type: application/json").contains("content-security-policy: ")
                .contains("x-content-type-options: nosniff").contains("x-frame-options: deny");
        String body = r.body();
        if (r.headers().contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n")).strip();
        }
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(json.get("code").asInt()).isEqualTo(status);
        assertThat(json.get("message").asText()).isNotBlank();
        assertThat(body).doesNotContain("<html").doesNotContain("Jetty");
    }

    @Test
    void shouldAnswerAPathNothingServes_InJson() throws IOException {
        Raw r = send("GET /no/such/page HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertJsonError(r, 404);
    }

    @Test
    void shouldAnswerAMalformedUri_InJson() throws IOException {
        Raw r = send("GET /api/officers/%zz/clearances HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertJsonError(r, 400);
    }

    @Test
    void shouldAnswerAHeaderTooLarge_InJson_WithoutEchoingIt() throws IOException {
        String big = "x".repeat(100_000);
        Raw r = send("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n");
        assertJsonError(r, 431);
        assertThat(r.body()).doesNotContain("xxxxxxxx");
    }
}
