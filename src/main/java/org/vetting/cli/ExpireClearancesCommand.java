package org.vetting.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.vetting.VettingConfiguration;
import org.vetting.clearance.ClearanceService;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.common.ServiceTime;
import org.vetting.db.Migrations;
import org.vetting.rules.RuleSetLoader;

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
        ManagedDataSource dataSource = config.getDataSourceFactory().build(new MetricRegistry(), "expire-clearances");
        dataSource.start();
        try {
            Migrations.migrate(dataSource, config.getDataSourceFactory().getUrl());
            Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
            ServiceTime time = new ServiceTime(Clock.systemUTC(), ZoneId.of(config.getTimeZone()));
            ActiveRuleSet active = new ActiveRuleSet(jdbi, time);
            active.activate(RuleSetLoader.fromDirectory(Path.of(config.getRulesDirectory())));
            int expired = new ClearanceService(jdbi, active, time).expire();
            System.out.println(expired + " clearance(s) expired");
        } finally {
            dataSource.stop();
        }
    }
}
