package org.vetting.cli;

import java.util.List;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.vetting.VettingConfiguration;
import org.vetting.VettingContext;
import org.vetting.access.OfficerAccess;

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
        try (var db = VettingContext.Database.open(config, "migrate").migrate()) {
            List<String> withoutCountry = new OfficerAccess(db.jdbi()).listOfficersOnFile();
            System.out.println("schema up to date");
            if (!withoutCountry.isEmpty()) {
                System.out.println(withoutCountry.size() + " officer(s) on file have no country: they stay hidden from "
                        + "country-scoped users until a submission records it: " + String.join(", ", withoutCountry));
            }
        }
    }
}
