package org.vetting.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import org.vetting.VettingConfiguration;
import org.vetting.db.Migrations;

/**
 * {@code java -jar target/vetting-service.jar migrate config.yml}: applies the schema migrations and
 * exits — run it with the schema owner's credentials, so that the service itself can run as a
 * least-privilege role (its own start-up migration then finds nothing to do).
 */
public class MigrateCommand extends ConfiguredCommand<VettingConfiguration> {
    public MigrateCommand() {
        super("migrate", "Applies the database schema migrations, then exits");
    }

    @Override
    protected void run(Bootstrap<VettingConfiguration> bootstrap, Namespace namespace, VettingConfiguration config)
            throws Exception {
        ManagedDataSource dataSource = config.getDataSourceFactory().build(new MetricRegistry(), "migrate");
        dataSource.start();
        try {
            Migrations.migrate(dataSource, config.getDataSourceFactory().getUrl());
            System.out.println("schema up to date");
        } finally {
            dataSource.stop();
        }
    }
}
