package org.vetting.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.vetting.VettingConfiguration;
import org.vetting.VettingContext;
import org.vetting.common.DayClock;
import org.vetting.demo.DemoPopulation;
import org.vetting.errors.Conflict;

/**
 * {@code java -jar target/vetting-service.jar demo config.yml}: fills an empty database with an
 * invented population for trying the service and prints every user's password. The {@code admin}
 * user is the first-start one ({@code VETTING_ADMIN_PASSWORD}, or a generated password written to
 * its file); the demo adds no administrator. Refused, exit code 1, when officers are on file.
 */
public class DemoCommand extends ConfiguredCommand<VettingConfiguration> {
    public DemoCommand() {
        super("demo", "Fills an empty database with an invented population (users, officers, cases) to try the service");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--officers").type(Integer.class).setDefault(300)
                .help("how many officers (default 300)");
    }

    @Override
    protected void run(Bootstrap<VettingConfiguration> bootstrap, Namespace namespace, VettingConfiguration config)
            throws Exception {
        int officers = namespace.getInt("officers");
        if (officers < 10 || officers > 100_000) {
            throw new IllegalArgumentException("--officers: 10 to 100000");
        }
        try (var db = VettingContext.Database.open(config, "demo").migrate()) {
            LocalDate today = LocalDate.now(ZoneId.of(config.getTimeZone()));
            DayClock clock = new DayClock(DemoPopulation.firstDay(today));
            VettingContext context = VettingContext.build(config, db.jdbi(), clock);
            context.users().bootstrapAdmin(config.getAdminPassword(), Path.of(config.getGeneratedPasswordFile()));
            long started = System.nanoTime();
            DemoPopulation.Result result;
            try {
                result = new DemoPopulation(context, clock).fill(today, officers);
            } catch (Conflict refused) {
                throw new IllegalStateException(refused.getMessage());
            }
            System.out.printf("demo population: %d officers in %.1f s; outcomes %s%n", result.officers(),
                    (System.nanoTime() - started) / 1e9, result.outcomes());
            System.out.println("users (sign in at http://localhost:8080/ with the password and a code of an authenticator"
                    + " app holding the otpauth URI — scan it as a QR code or add the secret by hand; admin keeps its"
                    + " first-start password and enrols its own app at its first sign-in):");
            result.passwords().forEach((user, password) -> System.out.printf("  %-16s %s  %s%n", user, password,
                    context.factors().enrolWithoutSignIn(user)));
        }
    }
}
