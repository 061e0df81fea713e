package org.vetting.cli;

import org.vetting.api.RuleSetProposal;
import org.vetting.rules.RuleSetLoader;
import java.nio.file.Path;
import java.time.Clock;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.vetting.VettingConfiguration;
import org.vetting.VettingContext;
import org.vetting.api.RuleSetVersionView;
import org.vetting.errors.Conflict;
import org.vetting.errors.ValidationFailed;

/**
 * {@code java -jar target/vetting-service.jar propose-rules config.yml <dir> -m "what and why"}: for
 * teams that keep the rules in git, proposes a rules directory as a DRAFT — compiled, scenarios
 * run, exactly as {@code POST /api/rulesets} — and prints its version. It activates nothing: a
 * policy officer backtests it and a second one approves it in the service. The proposer recorded is
 * {@code cli:<operating-system user>}, so any policy officer may approve it.
 */
public class ProposeRulesCommand extends ConfiguredCommand<VettingConfiguration> {
    public ProposeRulesCommand() {
        super("propose-rules", "Proposes a rules directory as a draft rule set (it activates nothing)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("dir").help("the rules directory: *.drl, units.yml, scenarios/*.yml");
        subparser.addArgument("-m", "--description").required(true).help("what the proposal changes, and why");
    }

    @Override
    protected void run(Bootstrap<VettingConfiguration> bootstrap, Namespace namespace, VettingConfiguration config)
            throws Exception {
        Path dir = Path.of(namespace.getString("dir"));
        try (var db = VettingContext.Database.open(config, "propose-rules").migrate()) {
            VettingContext context = VettingContext.build(config, db.jdbi(), Clock.systemUTC());
            RuleSetVersionView v;
            try {
                v = context.policyChanges().propose(new RuleSetProposal(
                        namespace.getString("description"), RuleSetLoader.read(dir)),
                        "cli:" + System.getProperty("user.name"));
            } catch (ValidationFailed e) {
                e.errors().forEach(error -> System.out.println(error.field() + ": " + error.message()));
                throw new IllegalStateException(dir + " was not proposed: " + e.errors().size() + " error(s)");
            } catch (Conflict e) {
                throw new IllegalStateException(e.getMessage());
            }
            System.out.println("proposed " + v.version() + " (" + v.status() + "): scenarios " + v.scenarios().passed()
                    + " passed, " + v.scenarios().failed() + " failed");
            v.scenarios().failures().forEach(System.out::println);
        }
    }
}
