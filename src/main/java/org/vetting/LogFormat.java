package org.vetting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.configuration.ConfigurationSourceProvider;

/**
 * {@code VETTING_LOG_FORMAT=json}: every application and request log appender of the configuration
 * writes JSON lines (Dropwizard's {@code json} and {@code access-json} layouts) for log shippers;
 * {@code text} (the default) leaves the configuration as written. Any other value stops start-up.
 */
public final class LogFormat implements ConfigurationSourceProvider {
    public static final String VARIABLE = "VETTING_LOG_FORMAT";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ConfigurationSourceProvider delegate;
    private final boolean json;

    public LogFormat(ConfigurationSourceProvider delegate, String format) {
        String f = format == null || format.isBlank() ? "text" : format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw new IllegalArgumentException(VARIABLE + " must be text or json, not " + format);
        }
        this.delegate = delegate;
        this.json = f.equals("json");
    }

    @Override
    public InputStream open(String path) throws IOException {
        if (!json) {
            return delegate.open(path);
        }
        JsonNode read;
        try (InputStream in = delegate.open(path)) {
            read = YAML.readTree(in);
        }
        ObjectNode config = read instanceof ObjectNode o ? o : YAML.createObjectNode();
        jsonLayouts(config.with("logging").withArray("appenders"), "json");
        jsonLayouts(config.with("server").with("requestLog").withArray("appenders"), "access-json");
        return new ByteArrayInputStream(YAML.writeValueAsBytes(config));
    }

    /** Each appender gets the JSON layout; none listed means one on the console, as Dropwizard's default. */
    private static void jsonLayouts(ArrayNode appenders, String layout) {
        if (appenders.isEmpty()) {
            appenders.addObject().put("type", "console");
        }
        for (JsonNode appender : appenders) {
            ((ObjectNode) appender).putObject("layout").put("type", layout);
        }
    }
}
