package org.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.jersey.validation.Validators;
import org.junit.jupiter.api.Test;

/** The shipped config.yml, read as the service reads it. */
class ConfigurationTest {
    @Test
    void theAdminPortListensOnLoopbackUnlessOpened() throws Exception {
        VettingConfiguration config = new YamlConfigurationFactory<>(VettingConfiguration.class,
                Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                        new EnvironmentVariableSubstitutor(false)), "config.yml");
        var admin = (HttpConnectorFactory) ((DefaultServerFactory) config.getServerFactory()).getAdminConnectors().get(0);
        String expected = System.getenv().getOrDefault("VETTING_ADMIN_BIND", "127.0.0.1");
        assertThat(admin.getBindHost()).isEqualTo(expected);
    }
}
