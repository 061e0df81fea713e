package org.vetting.cli;

import java.time.Clock;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.vetting.VettingConfiguration;
import org.vetting.VettingContext;

/**
 * {@code java -jar target/vetting-service.jar expire-clearances config.yml}: runs the expiry job
 * once (e.g. from cron when the service runs with a long interval) and prints how many expired.
 */
public class ExpireClearancesCommand extends ConfiguredCommand<VettingConfiguration> {
    public ExpireClearancesCommand() {
        super("expire-clearances", "Marks ACTIVE clearances past their validity as EXPIRED, once");
    }

    @Override
    protected void run(Bootstrap<VettingConfiguration> bootstrap, Namespace namespace, VettingConfiguration config)
            throws Exception {
        try (var db = VettingContext.Database.open(config, "expire-clearances").migrate()) {
            int expired = VettingContext.build(config, db.jdbi(), Clock.systemUTC()).clearances().expire();
            System.out.println(expired + " clearance(s) expired");
        }
    }
}
