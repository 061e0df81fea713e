package org.vetting.cli;

import java.nio.file.Path;
import java.util.List;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import org.vetting.VettingConfiguration;
import org.vetting.rules.RuleSet;
import org.vetting.rules.RuleSetLoader;
import org.vetting.scenarios.ScenarioResult;
import org.vetting.scenarios.Scenarios;

/**
 * {@code java -jar target/vetting-service.jar test-rules config.yml}: compiles the configured rules
 * directory and runs every scenario of its {@code scenarios/} folder; one line per scenario, a
 * summary, and a non-zero exit on any failure. Needs no database.
 */
public class TestRulesCommand extends ConfiguredCommand<VettingConfiguration> {
    public TestRulesCommand() {
        super("test-rules", "Runs the policy scenarios of rules/scenarios against the rules");
    }

    @Override
    protected void run(Bootstrap<VettingConfiguration> bootstrap, Namespace namespace, VettingConfiguration config) {
        Path dir = Path.of(config.getRulesDirectory());
        RuleSet ruleSet = RuleSetLoader.fromDirectory(dir);
        List<ScenarioResult> results = Scenarios.runAll(ruleSet);
        results.forEach(r -> System.out.println(r.line()));
        long failed = results.stream().filter(r -> !r.passed()).count();
        System.out.println(results.size() + " scenarios, " + (results.size() - failed) + " passed, " + failed
                + " failed (rule set " + ruleSet.version() + ")");
        if (failed > 0 || results.isEmpty()) {
            throw new IllegalStateException(results.isEmpty() ? "no scenarios in " + dir.resolve("scenarios")
                    : failed + " scenario(s) failed");
        }
    }
}
