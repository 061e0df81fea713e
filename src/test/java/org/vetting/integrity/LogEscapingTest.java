package org.vetting.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The service's log is evidence, so a value a user sent must not start a line of its own: the
 * console format of {@code config.yml} writes a message's CR and LF as {@code \r} and {@code \n} and
 * every other control character as {@code _}. Checked with logback's own layout, on the format as
 * shipped (a JSON log, {@code VETTING_LOG_FORMAT=json}, escapes by being JSON).
 */
class LogEscapingTest {
    static String shippedFormat() throws IOException {
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(Path.of("config.yml").toFile());
        return config.get("logging").get("appenders").get(0).get("logFormat").asText();
    }

    static String layout(String message) throws IOException {
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(shippedFormat());
        layout.start();
        Logger logger = context.getLogger("org.vetting.evaluation.SubmissionWriter");
        return layout.doLayout(new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, null));
    }

    @Test
    void shouldKeepAForgedLineOnTheLineItWasSentIn() throws IOException {
        String line = layout("stored officer MX-1\r\nINFO  [2026-12-06 10:00:00,000] org.vetting.Audit: approved\u001b[2J");
        assertThat(line).startsWith("INFO  [").contains("org.vetting.evaluation.SubmissionWriter: stored officer MX-1")
                .contains("MX-1\\r\\nINFO  [2026-12-06").contains("approved_[2J");
        assertThat(line.indexOf('\n')).as("one line, ended once").isEqualTo(line.length() - 1);
        assertThat(line.chars().filter(c -> c < 0x20 && c != '\n')).as("no control character left").isEmpty();
    }

    @Test
    void shouldLeaveAnOrdinaryMessageAsItIs() throws IOException {
        assertThat(layout("Vetting service started: 3 units, rule set 1.3 (López)"))
                .endsWith("org.vetting.evaluation.SubmissionWriter: Vetting service started: 3 units, rule set 1.3 (López)\n");
    }
}
