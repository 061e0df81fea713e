package org.vetting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.json.AccessJsonLayoutBaseFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

/** {@code VETTING_LOG_FORMAT}: json switches the shipped config.yml's application and request logs to JSON lines. */
class LogFormatTest {
    static VettingConfiguration read(String format) throws Exception {
        return new YamlConfigurationFactory<>(VettingConfiguration.class,
                Validation.buildDefaultValidatorFactory().getValidator(), Jackson.newObjectMapper(), "dw")
                .build(new LogFormat(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)), format), "config.yml");
    }

    @Test
    void jsonGivesEveryAppenderAJsonLayout() throws Exception {
        VettingConfiguration config = read("json");
        var app = ((DefaultLoggingFactory) config.getLoggingFactory()).getAppenders();
        assertThat(app).isNotEmpty().allSatisfy(a ->
                assertThat(((ConsoleAppenderFactory<?>) a).getLayout()).isInstanceOf(EventJsonLayoutBaseFactory.class));
        var requests = ((LogbackAccessRequestLogFactory) ((DefaultServerFactory) config.getServerFactory())
                .getRequestLogFactory()).getAppenders();
        assertThat(requests).isNotEmpty().allSatisfy(a ->
                assertThat(((ConsoleAppenderFactory<?>) a).getLayout()).isInstanceOf(AccessJsonLayoutBaseFactory.class));
        // the rest of the configuration is read as before
        assertThat(config.getRulesDirectory()).isEqualTo("rules");
    }

    @Test
    void textLeavesTheConfigurationAsWritten_AndAnythingElseStopsStartUp() throws Exception {
        assertThat(((DefaultLoggingFactory) read(null).getLoggingFactory()).getAppenders()).allSatisfy(a ->
                assertThat(((ConsoleAppenderFactory<?>) a).getLayout()).isNull());
        assertThatThrownBy(() -> read("xml")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                "VETTING_LOG_FORMAT");
    }
}
