package org.vetting.rules;

import java.util.Locale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Compiles the files of a rules directory into a {@link RuleSet}: every {@code *.drl} file and
 * {@code units.yml} at its top level, and the policy scenarios of {@code scenarios/*.yml} (named
 * {@code scenarios/NAME}), which travel and are versioned with the rules but are not compiled. Any
 * error refuses the whole set, naming file and line.
 *
 * <p>Just over 300 lines: reading, compiling and reporting errors with their file and line are one
 * job, and each error path needs the others' positions.
 */
public final class RuleSetLoader {
    public static final String UNITS_FILE = "units.yml";
    public static final String FLAG_FACTORY_GLOBAL = "flags";
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final String KIE_ROOT = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    public static final String SCENARIOS = "scenarios/";
    /** The names a set's files may have: rule files and units at the top, scenarios in their folder. */
    private static final Pattern FILE_NAME = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\\.drl|" + Pattern.quote(UNITS_FILE) + "|scenarios/[A-Za-z0-9][A-Za-z0-9_.-]{0,80}\\.ya?ml");

    /**
     * Sets compiled in this process, by version: the version is the SHA-256 of the files, so the same
     * files compile to the same set, and a set is immutable and shared by every thread. A few are
     * kept (each is a KieBase): the rules directory's, a proposal until its backtest, past versions
     * replayed. Refused files are never kept.
     */
    private static final Cache<String, RuleSet> COMPILED = Caffeine.newBuilder().maximumSize(8).build();

    private RuleSetLoader() {}

    /** The set of {@code version} when this process compiled it lately. */
    public static Optional<RuleSet> compiled(String version) {
        return Optional.ofNullable(COMPILED.getIfPresent(version));
    }

    public static RuleSet fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleSetException(List.of(dir + ": rules directory not found"));
        }
        return compile(dir.toString(), read(dir));
    }

    /** The files of a rules directory that make a set, by name ({@code scenarios/x.yml} for scenarios). */
    public static SortedMap<String, String> read(Path dir) {
        SortedMap<String, String> files = new TreeMap<>();
        try {
            for (Path folder : List.of(dir, dir.resolve(SCENARIOS))) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                String prefix = folder.equals(dir) ? "" : SCENARIOS;
                try (Stream<Path> list = Files.list(folder)) {
                    for (Path p : list.sorted().toList()) {
                        String name = prefix + p.getFileName();
                        if (Files.isRegularFile(p) && FILE_NAME.matcher(name).matches()) {
                            files.put(name, Files.readString(p, StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + dir, e);
        }
        return files;
    }

    /** Compiles a set from file contents; {@code origin} prefixes file names in error messages. */
    public static RuleSet compile(String origin, SortedMap<String, String> files) {
        String prefix = origin.isEmpty() || origin.endsWith("/") ? origin : origin + "/";
        List<String> errors = new ArrayList<>();
        for (String name : files.keySet()) {
            if (!FILE_NAME.matcher(name).matches()) {
                errors.add(prefix + name + ":0: not a file of a rule set (NAME.drl, " + UNITS_FILE + " or "
                        + SCENARIOS + "NAME.yml)");
            }
        }
        if (files.keySet().stream().noneMatch(n -> n.endsWith(".drl"))) {
            errors.add(prefix + ": no .drl file");
        }
        if (!files.containsKey(UNITS_FILE)) {
            errors.add(prefix + UNITS_FILE + ": missing");
        }
        if (!errors.isEmpty()) {
            throw new RuleSetException(errors);
        }
        String version = version(files);
        RuleSet known = COMPILED.getIfPresent(version);
        if (known != null) {
            return known;
        }
        KieBase kieBase = build(prefix, files, version, errors);
        if (!errors.isEmpty()) {
            throw new RuleSetException(errors);
        }
        List<RuleInfo> rules = catalog(prefix, files, kieBase, errors);
        UnitsFile.Parsed units = UnitsFile.parse(prefix + UNITS_FILE, files.get(UNITS_FILE), rules, errors);
        if (!errors.isEmpty()) {
            throw new RuleSetException(errors);
        }
        RuleSet ruleSet = new RuleSet(version, kieBase, units.units(), rules, new TreeMap<>(files),
                units.screeningThreshold(), units.adverseClocks(), units.screening());
        // two threads compiling the same files at once both compile; either set is the same
        COMPILED.put(version, ruleSet);
        return ruleSet;
    }

    /** The version of a set of files (scenarios included): SHA-256 over names and contents, in name order. */
    public static String version(SortedMap<String, String> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, text) -> {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                sha.update((name + "\0" + bytes.length + "\0").getBytes(StandardCharsets.UTF_8));
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KieBase build(String prefix, SortedMap<String, String> files, String version, List<String> errors) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("org.vetting", "rules", "1.0.0-" + version.substring(0, 16));
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        Map<String, String> kiePaths = new LinkedHashMap<>();
        files.forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                // Drools expects a file's folder to match its package.
                Matcher pkg = PACKAGE.matcher(text);
                String folder = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
                kiePaths.put(folder + name, name);
                kfs.write(KIE_ROOT + folder + name, text);
            }
        });
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "" : m.getPath().replaceFirst("^" + KIE_ROOT, "");
            path = kiePaths.getOrDefault(path, path);
            errors.add(prefix + path + ":" + Math.max(m.getLine(), 0) + ": " + brief(m.getText()));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            return ks.newKieContainer(releaseId).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /** A metadata value as text: {@code @code("X")} may come back with or without its quotes. */
    private static String text(Map<String, Object> metadata, String key) {
        Object value = metadata.get(key);
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Drools' message without the parser's stack trace, on one line. */
    private static String brief(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        int trace = t.indexOf(" Stack trace:");
        if (trace >= 0) {
            t = t.substring(0, trace);
        }
        t = t.replaceAll("\\s+", " ");
        return t.length() > 400 ? t.substring(0, 400) + "…" : t;
    }

    private static List<RuleInfo> catalog(String prefix, SortedMap<String, String> files, KieBase kieBase,
                                          List<String> errors) {
        Map<String, String[]> where = new LinkedHashMap<>();
        files.forEach((name, text) -> {
            if (name.endsWith(".drl")) {
                Matcher m = RULE_HEADER.matcher(text);
                while (m.find()) {
                    int line = (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
                    where.put(m.group(1), new String[] {name, Integer.toString(line)});
                }
            }
        });
        boolean flagGlobal = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(FLAG_FACTORY_GLOBAL)));
        List<RuleInfo> rules = new ArrayList<>();
        Map<String, RuleInfo> byCode = new LinkedHashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String[] loc = where.getOrDefault(rule.getName(), new String[] {"?", "0"});
                String at = prefix + loc[0] + ":" + loc[1] + ": rule \"" + rule.getName() + "\": ";
                RuleInfo info = describe(rule, loc, at, errors);
                if (info == null) {
                    continue;
                }
                rules.add(info);
                if (info.code() != null) {
                    if (!flagGlobal) {
                        errors.add(at + "raises a flag but no file declares global FlagFactory " + FLAG_FACTORY_GLOBAL);
                    }
                    RuleInfo other = byCode.putIfAbsent(info.code(), info);
                    if (other != null && (other.severity() != info.severity() || !other.waivable().equals(info.waivable()))) {
                        errors.add(at + "declares " + info.code() + " with another severity or waivability than rule \""
                                + other.name() + "\"");
                    }
                }
            }
        }
        rules.sort((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.line(), b.line()) : a.file().compareTo(b.file()));
        Set<String> terms = CommanderText.findingTerms(rules);
        for (RuleInfo r : rules) {
            for (String condition : new String[] {r.conditionEn(), r.conditionEs()}) {
                if (condition != null) {
                    CommanderText.namedFinding(condition, terms).ifPresent(term -> errors.add(prefix + r.file() + ":"
                            + r.line() + ": rule \"" + r.name() + "\": the condition \"" + condition + "\" names a "
                            + "finding (" + term + "); a commander text says what the officer must or may not do"));
                }
            }
        }
        return List.copyOf(rules);
    }

    private static RuleInfo describe(Rule rule, String[] loc, String at, List<String> errors) {
        Map<String, Object> meta = rule.getMetaData();
        String code = text(meta, "code");
        String pkg = rule.getPackageName();
        String category = pkg.substring(pkg.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
        if (code == null) {
            return new RuleInfo(rule.getName(), loc[0], Integer.parseInt(loc[1]), category, null, null, null, null, null,
                    null, null);
        }
        int before = errors.size();
        if (!CODE.matcher(code).matches()) {
            errors.add(at + "@code must be UPPER_SNAKE_CASE, got " + code);
        }
        String sev = text(meta, "severity");
        Severity severity = null;
        try {
            severity = Severity.valueOf(String.valueOf(sev));
        } catch (IllegalArgumentException e) {
            errors.add(at + "@severity must be one of DISQUALIFYING, INCOMPLETE, HIGH, MEDIUM, LOW, got " + sev);
        }
        String waivable = text(meta, "waivable");
        if (!"true".equals(waivable) && !"false".equals(waivable)) {
            errors.add(at + "@waivable must be true or false, got " + waivable);
        } else if ("true".equals(waivable) && severity != Severity.DISQUALIFYING) {
            errors.add(at + "@waivable(true) applies to DISQUALIFYING codes only");
        }
        String en = text(meta, "en");
        String es = text(meta, "es");
        if (en == null || es == null) {
            errors.add(at + "needs a message in English (@en) and Spanish (@es)");
        }
        String conditionEn = text(meta, "conditionEn");
        String conditionEs = text(meta, "conditionEs");
        // a unit may make any HIGH, MEDIUM or LOW code MEDIUM, and MEDIUM flags become conditions
        if (severity != null && severity.overridable() && (conditionEn == null || conditionEs == null)) {
            errors.add(at + "a " + severity + " code needs the condition it imposes when MEDIUM, in English "
                    + "(@conditionEn) and Spanish (@conditionEs)");
        }
        if (errors.size() > before) {
            return null;
        }
        return new RuleInfo(rule.getName(), loc[0], Integer.parseInt(loc[1]), category, code, severity,
                Boolean.parseBoolean(waivable), en, es, conditionEn, conditionEs);
    }
}
