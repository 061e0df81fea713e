package org.vetting.cli;

import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.vetting.api.ListVersionStatus;
import org.vetting.VettingConfiguration;
import org.vetting.VettingContext;
import org.vetting.api.WatchlistImport;
import org.vetting.errors.Conflict;
import org.vetting.errors.ValidationFailed;
import org.vetting.watchlist.MalformedList;

/**
 * {@code java -jar target/vetting-service.jar import-list config.yml --list OFAC-SDN --format ofac-csv
 * sdn.csv alt.csv}: imports a watchlist version from files on disk, read streaming, exactly as
 * {@code POST /api/watchlists/{list}/versions}. A version that removes entries waits for a policy
 * officer's approval in the service (the importer recorded is {@code cli:<operating-system user>});
 * one that takes effect is re-screened against everyone holding a clearance by the running service
 * within its poll interval. A malformed file prints {@code file:line: problem} and exits 1.
 */
public class ImportListCommand extends ConfiguredCommand<VettingConfiguration> {
    public ImportListCommand() {
        super("import-list", "Imports a watchlist version (OFAC legacy CSV, OpenSanctions FtM JSON lines, national CSV)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--list").required(true).help("the list's name, e.g. OFAC-SDN or MX-UIF");
        subparser.addArgument("--format").required(true).choices("ofac-csv", "opensanctions-ftm", "csv")
                .help("the files' format");
        subparser.addArgument("files").nargs("+").action(Arguments.append())
                .help("the files: sdn.csv [alt.csv]; *.jsonl; *.csv");
    }

    @Override
    protected void run(Bootstrap<VettingConfiguration> bootstrap, Namespace namespace, VettingConfiguration config)
            throws Exception {
        SortedMap<String, Path> files = new TreeMap<>();
        for (Object f : flatten(namespace.getList("files"))) {
            Path p = Path.of(f.toString());
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException(p + ": no such file");
            }
            files.put(p.getFileName().toString(), p);
        }
        try (var db = VettingContext.Database.open(config, "import-list").migrate()) {
            VettingContext context = VettingContext.build(config, db.jdbi(), Clock.systemUTC());
            WatchlistImport v;
            try {
                v = context.watchlists().importVersion(namespace.getString("list"), namespace.getString("format"), files,
                        "cli:" + System.getProperty("user.name"));
            } catch (MalformedList e) {
                System.out.println(e.where());
                throw new IllegalStateException("nothing was imported");
            } catch (ValidationFailed e) {
                e.errors().forEach(error -> System.out.println(error.field() + ": " + error.message()));
                throw new IllegalStateException("nothing was imported");
            } catch (Conflict e) {
                throw new IllegalStateException(e.getMessage());
            }
            System.out.printf("%s version %d: %d entries (+%d −%d ~%d), %s%n", v.list(), v.version(), v.entries(),
                    v.added(), v.removed(), v.changed(), v.status() == ListVersionStatus.ACTIVE
                            ? "in force; the service re-screens everyone holding a clearance"
                            : "removes entries: waits for a policy officer's approval in the service");
        }
    }

    private static List<Object> flatten(List<Object> values) {
        List<Object> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof List<?> l) {
                out.addAll(l);
            } else {
                out.add(v);
            }
        }
        return out;
    }
}
