package org.vetting.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.vetting.VettingConfiguration;
import org.vetting.rules.PolicyDocument;
import org.vetting.rules.RuleSetLoader;

/**
 * {@code java -jar target/vetting-service.jar policy-doc config.yml}: compiles the configured rules
 * directory and writes the policy as it implements it to {@code docs/policy.md} (or {@code --output}).
 * Needs no database. Run it after every change to {@code rules/}; the tests fail while it is stale.
 */
public class PolicyDocCommand extends ConfiguredCommand<VettingConfiguration> {
    public PolicyDocCommand() {
        super("policy-doc", "Writes docs/policy.md from the rules directory");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--output").setDefault("docs/policy.md").help("where to write the document");
    }

    @Override
    protected void run(Bootstrap<VettingConfiguration> bootstrap, Namespace namespace, VettingConfiguration config)
            throws Exception {
        Path output = Path.of(namespace.getString("output"));
        String document = PolicyDocument.render(RuleSetLoader.fromDirectory(Path.of(config.getRulesDirectory())));
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.writeString(output, document, StandardCharsets.UTF_8);
        System.out.println("wrote " + output + " (" + document.lines().count() + " lines)");
    }
}
