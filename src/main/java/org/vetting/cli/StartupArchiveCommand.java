package org.vetting.cli;

import io.dropwizard.jetty.ConnectorFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import io.dropwizard.core.Application;
import io.dropwizard.core.cli.EnvironmentCommand;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import net.sourceforge.argparse4j.inf.Namespace;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.vetting.VettingConfiguration;

/**
 * {@code java -XX:ArchiveClassesAtExit=target/vetting-service.jsa -jar target/vetting-service.jar
 * startup-archive config.yml}: the training run of the class-data-sharing archive that the start
 * command uses (docs/performance.md, "Start-up"). It starts the whole service as {@code server} does —
 * rule set compiled, schema migrated, Jetty listening — on a throwaway in-memory database, loopback
 * ports chosen by the system and a random administrator password, asks {@code /api/health} once, and
 * exits; the JVM then writes the classes it loaded to the archive. Nothing is kept but the archive.
 * The build runs it after packaging; a start without the archive (or with one from another JVM) only
 * loads classes the slow way.
 */
public class StartupArchiveCommand extends EnvironmentCommand<VettingConfiguration> {
    public StartupArchiveCommand(Application<VettingConfiguration> application) {
        super(application, "startup-archive",
                "Starts the service on a throwaway in-memory database and exits: the training run of the class archive");
    }

    @Override
    protected void run(Bootstrap<VettingConfiguration> bootstrap, Namespace namespace, VettingConfiguration config)
            throws Exception {
        config.getDataSourceFactory().setUrl("jdbc:h2:mem:startup-archive-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.getDataSourceFactory().setUser("sa");
        config.getDataSourceFactory().setPassword("");
        byte[] password = new byte[24];
        new SecureRandom().nextBytes(password);
        config.setAdminPassword(HexFormat.of().formatHex(password));
        if (config.getServerFactory() instanceof DefaultServerFactory server) {
            server.getApplicationConnectors().forEach(StartupArchiveCommand::loopbackAnyPort);
            server.getAdminConnectors().forEach(StartupArchiveCommand::loopbackAnyPort);
        }
        super.run(bootstrap, namespace, config);
    }

    private static void loopbackAnyPort(ConnectorFactory connector) {
        if (connector instanceof HttpConnectorFactory http) {
            http.setPort(0);
            http.setBindHost("127.0.0.1");
        }
    }

    @Override
    protected void run(Environment environment, Namespace namespace, VettingConfiguration config) throws Exception {
        Server server = config.getServerFactory().build(environment);
        server.start();
        int status;
        try {
            int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            status = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } finally {
            server.stop();
        }
        if (status != 200) {
            throw new IllegalStateException("the service started for the archive answered " + status + " to /api/health");
        }
        System.out.println("started and answered; the JVM writes the class archive as it exits");
        // the scheduler and pool threads of the application are not daemons: exit as the server command would on stop
        System.exit(0);
    }
}
