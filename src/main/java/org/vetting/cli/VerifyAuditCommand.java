package org.vetting.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.vetting.VettingConfiguration;
import org.vetting.chain.AuditChain;
import org.vetting.chain.ChainStatus;

/**
 * {@code java -jar target/vetting-service.jar verify-audit config.yml}: walks the audit chain
 * straight from the database, without the running service, and exits non-zero on a break. For an
 * auditor who does not trust the service: it changes nothing and needs only read access.
 */
public class VerifyAuditCommand extends ConfiguredCommand<VettingConfiguration> {
    public VerifyAuditCommand() {
        super("verify-audit", "Checks the tamper-evident audit chain in the database, offline");
    }

    @Override
    protected void run(Bootstrap<VettingConfiguration> bootstrap, Namespace namespace, VettingConfiguration config)
            throws Exception {
        ManagedDataSource dataSource = config.getDataSourceFactory().build(new MetricRegistry(), "verify-audit");
        dataSource.start();
        try {
            Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
            ChainStatus status = jdbi.inTransaction(AuditChain::verify);
            System.out.println(status.valid()
                    ? "audit chain valid: " + status.entries() + " entries"
                    : "AUDIT CHAIN BROKEN after " + status.entries() + " valid entries"
                            + (status.firstInvalid() == null ? "" : "; first invalid entry " + status.firstInvalid())
                            + ": " + status.problem());
            if (!status.valid()) {
                throw new IllegalStateException("audit chain broken");
            }
        } finally {
            dataSource.stop();
        }
    }
}
