package org.vetting.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.vetting.VettingConfiguration;
import org.vetting.VettingContext;
import org.vetting.chain.AuditChain;
import org.vetting.api.ChainStatus;

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
        try (var db = VettingContext.Database.open(config, "verify-audit")) {
            ChainStatus status = db.jdbi().inTransaction(AuditChain::verify);
            System.out.println(status.valid()
                    ? "audit chain valid: " + status.entries() + " entries"
                    : "AUDIT CHAIN BROKEN after " + status.entries() + " valid entries"
                            + (status.firstInvalid() == null ? "" : "; first invalid entry " + status.firstInvalid())
                            + ": " + status.problem());
            if (!status.valid()) {
                throw new IllegalStateException("audit chain broken");
            }
        }
    }
}
