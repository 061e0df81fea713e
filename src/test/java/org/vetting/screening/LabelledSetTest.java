package org.vetting.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vetting.rules.RuleSetLoader;
import org.vetting.rules.ScreeningPolicy;

/**
 * The whole matcher (names, then birth dates and the rule set's numbers) on a labelled set of
 * invented Mexican people and organisations, by class: 60 people in 22 classes (spellings of the same
 * person; other people sharing parts of the name; birth dates the same, a typing error apart, or
 * decades apart with a name that sounds alike or is identical) and 40 organisations in 6 classes
 * (legal forms, accents, typos, a generic word more or less; other organisations sharing only generic
 * words). 1,560 pairs, each screened as an officer (or an association) against a list entry under the
 * shipped rule set's policy. Precision and recall overall and by class are printed and written to
 * {@code target/labelled-set.md} (docs/screening.md quotes them), and held as floors.
 */
class LabelledSetTest {
    static final ScreeningPolicy POLICY = RuleSetLoader.fromDirectory(Path.of("rules")).screeningPolicy().orElseThrow();
    static final String[] DISTINCTIVE = {"Peñasco", "Quetzal", "Tecolote", "Huizache", "Mezquite", "Cenzontle",
            "Ahuehuete", "Jacaranda", "Tulipán", "Nopalera", "Alcatraz", "Cardonal", "Zapotal", "Tepeyac", "Pirámide",
            "Cascabel", "Ocelote", "Guayacán", "Tamarindo", "Azucena", "Coyoacán", "Xochitl", "Itzel", "Maguey",
            "Pitahaya", "Sotavento", "Barlovento", "Candelaria", "Golondrina", "Jilguero", "Obsidiana", "Turquesa",
            "Amatista", "Esmeralda", "Granate", "Ónix", "Palenque", "Cozumel", "Bacalar", "Sayulita"};
    static final String[] GENERIC = {"Grupo Financiero", "Comercializadora", "Servicios Integrales de", "Inmobiliaria",
            "Constructora y Desarrolladora", "Transportes", "Distribuidora Internacional", "Casa de Cambio",
            "Grupo Corporativo", "Logística y Servicios"};

    record Pair(String kind, Subject subject, WatchlistEntry entry, boolean same) {}

    static List<Pair> pairs() {
        Random random = new Random(20261207);
        List<Pair> pairs = new ArrayList<>();
        String[] given = LabelledPairsTest.GIVEN;
        String[] family = LabelledPairsTest.FAMILY;
        for (int i = 0; i < 60; i++) {
            String g = given[i % given.length];
            String p = family[random.nextInt(family.length)];
            String m = LabelledPairsTest.other(p, p, random);
            String fam = p + " " + m;
            // a birth date whose day is at most 12, so that a day and month swapped is still a date
            LocalDate born = LocalDate.of(1960 + random.nextInt(35), 1 + random.nextInt(12), 1 + random.nextInt(12));
            String dob = born.toString();
            String otherPaterno = LabelledPairsTest.other(p, m, random);
            String otherGiven = given[(i + 7) % given.length];
            String decades = born.plusYears(20 + random.nextInt(10)).withDayOfMonth(1 + random.nextInt(27)).toString();
            // the name alone (the officer's birth date unknown)
            pairs.add(person("accents", g, fam, null, LabelledPairsTest.strip(g), LabelledPairsTest.strip(fam), dob, true));
            pairs.add(person("case", g, fam, null, g.toUpperCase(), fam.toUpperCase(), dob, true));
            pairs.add(person("dropped materno", g, fam, null, g, p, dob, true));
            pairs.add(person("dropped second given", g, fam, null, g.split(" ")[0], fam, dob, true));
            pairs.add(person("swapped family names", g, fam, null, g, m + " " + p, dob, true));
            pairs.add(person("particles", g, fam, null, g, "de " + p + " y " + m, dob, true));
            pairs.add(person("phonetic paterno", g, fam, null, g, LabelledPairsTest.phonetic(p) + " " + m, dob, true));
            pairs.add(person("typo in paterno", g, fam, null, g, LabelledPairsTest.typo(p, random) + " " + m, dob, true));
            pairs.add(person("typo in materno", g, fam, null, g, p + " " + LabelledPairsTest.typo(m, random), dob, true));
            pairs.add(person("other paterno", g, fam, null, g, otherPaterno + " " + m, dob, false));
            pairs.add(person("same paterno only", g, fam, null, otherGiven, p + " "
                    + LabelledPairsTest.other(m, p, random), dob, false));
            pairs.add(person("same given only", g, fam, null, g, otherPaterno + " "
                    + LabelledPairsTest.other(m, otherPaterno, random), dob, false));
            pairs.add(person("same family, other given", g, fam, null, otherGiven, fam, dob, false));
            pairs.add(person("other materno", g, fam, null, g, p + " " + LabelledPairsTest.other(m, p, random), dob,
                    false));
            // birth dates known to the day on both sides
            pairs.add(person("same name, same birth date", g, fam, dob, g, fam, dob, true));
            pairs.add(person("birth date: day and month swapped", g, fam, swapped(born), g, fam, dob, true));
            pairs.add(person("birth date: one digit of the day", g, fam, oneDigit(born), g, fam, dob, true));
            pairs.add(person("birth date: year off by one", g, fam, born.plusYears(1).toString(), g, fam, dob, true));
            pairs.add(person("birth year only on the list", strip(g), fam, dob, g, fam, dob.substring(0, 4), true));
            pairs.add(person("sound-alike paterno, birth dates decades apart", g, fam, decades, g,
                    LabelledPairsTest.phonetic(p) + " " + m, dob, false));
            pairs.add(person("typo in paterno, birth dates decades apart", g, fam, decades, g,
                    LabelledPairsTest.typo(p, random) + " " + m, dob, false));
            pairs.add(person("identical name, birth dates decades apart", g, fam, decades, g, fam, dob, false));
        }
        for (int i = 0; i < DISTINCTIVE.length; i++) {
            String word = DISTINCTIVE[i];
            String generic = GENERIC[i % GENERIC.length];
            String name = generic + " " + word;
            String other = DISTINCTIVE[(i + 11) % DISTINCTIVE.length];
            pairs.add(organisation("organisation: legal form written otherwise", name + " S.A. de C.V.",
                    name + ", SA DE CV", true));
            pairs.add(organisation("organisation: accents and case", name, LabelledPairsTest.strip(name).toUpperCase(),
                    true));
            pairs.add(organisation("organisation: typo in its distinctive word", name,
                    generic + " " + LabelledPairsTest.typo(word, random), true));
            pairs.add(organisation("organisation: a generic word more", name, "Grupo " + name, true));
            pairs.add(organisation("other organisation, the same generic words", name, generic + " " + other, false));
            pairs.add(organisation("other organisation, generic words of another kind", "Grupo Corporativo " + word
                    + " Servicios Financieros", "Grupo Corporativo " + other + " Servicios Financieros", false));
        }
        return pairs;
    }

    static String strip(String s) {
        return LabelledPairsTest.strip(s);
    }

    static String swapped(LocalDate d) {
        return String.format("%04d-%02d-%02d", d.getYear(), d.getDayOfMonth(), d.getMonthValue());
    }

    /** The day with one digit changed: 07 → 08, 12 → 13 (a day that exists). */
    static String oneDigit(LocalDate d) {
        int day = d.getDayOfMonth();
        int other = day % 10 == 9 ? day - 1 : day + 1;
        return String.format("%04d-%02d-%02d", d.getYear(), d.getMonthValue(), other);
    }

    /** An officer (given, family, born) against a list entry (given, family, born), labelled. */
    static Pair person(String kind, String givenA, String familyA, String bornA, String givenB, String familyB,
                       String bornB, boolean same) {
        WatchlistEntry entry = new WatchlistEntry("E", WatchlistEntry.Kind.PERSON, givenB + " " + familyB, givenB,
                familyB, List.of(), List.of(), bornB, List.of(), null, null);
        return new Pair(kind, Subject.officer(givenA, familyA, bornA, null), entry, same);
    }

    static Pair organisation(String kind, String nameA, String nameB, boolean same) {
        WatchlistEntry entry = new WatchlistEntry("O", WatchlistEntry.Kind.ORGANIZATION, nameB, null, null, List.of(),
                List.of(), null, List.of(), null, null);
        return new Pair(kind, Subject.association("a1", nameA, null), entry, same);
    }

    /** Counts of one class: true and false positives, false negatives, true negatives. */
    static final class Counts {
        int tp;
        int fp;
        int fn;
        int tn;

        void add(boolean hit, boolean same) {
            if (hit && same) {
                tp++;
            } else if (hit) {
                fp++;
            } else if (same) {
                fn++;
            } else {
                tn++;
            }
        }

        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }
    }

    @Test
    void precisionAndRecallByClass_UnderTheShippedPolicy() throws IOException {
        List<Pair> pairs = pairs();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(1_500);
        Map<String, Counts> byClass = new LinkedHashMap<>();
        Counts all = new Counts();
        List<String> misses = new ArrayList<>();
        for (Pair p : pairs) {
            Match m = WatchlistIndex.match(p.subject(), p.entry(), p.entry().screenedNames(), POLICY);
            double score = m == null ? 0 : m.score();
            boolean hit = score >= POLICY.threshold();
            byClass.computeIfAbsent(p.kind(), k -> new Counts()).add(hit, p.same());
            all.add(hit, p.same());
            if (hit != p.same()) {
                misses.add(String.format("%s %.3f %s: %s ~ %s", hit ? "FP" : "FN", score, p.kind(), p.subject().name()
                        + " " + p.subject().birthDate(), p.entry().name() + " " + p.entry().birthDate()));
            }
        }
        StringBuilder md = new StringBuilder(String.format("%d pairs at the threshold %.2f: precision %.3f, recall"
                + " %.3f%n%n| class | pairs | same person | matched | precision | recall |%n|---|---|---|---|---|---|%n",
                pairs.size(), POLICY.threshold(), all.precision(), all.recall()));
        byClass.forEach((kind, c) -> md.append(String.format("| %s | %d | %s | %d | %s | %s |%n", kind,
                c.tp + c.fp + c.fn + c.tn, c.tp + c.fn > 0 ? "yes" : "no", c.tp + c.fp,
                c.tp + c.fp == 0 ? "—" : String.format("%.3f", c.precision()),
                c.tp + c.fn == 0 ? "—" : String.format("%.3f", c.recall()))));
        // the same pairs under the v1.2 policy (a threshold alone), for comparison
        Counts before = new Counts();
        for (Pair p : pairs) {
            Match m = WatchlistIndex.match(p.subject(), p.entry(), p.entry().screenedNames(),
                    ScreeningPolicy.thresholdOnly(POLICY.threshold()));
            before.add(m != null && m.score() >= POLICY.threshold(), p.same());
        }
        md.append(String.format("%nThe same pairs under the v1.2 policy (a threshold alone): precision %.3f, recall %.3f"
                + " (%d false matches).%n", before.precision(), before.recall(), before.fp));
        System.out.print(md);
        misses.forEach(System.out::println);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "labelled-set.md"), md.toString());
        assertThat(all.precision()).as(String.join("\n", misses)).isGreaterThanOrEqualTo(0.97);
        assertThat(all.recall()).as(String.join("\n", misses)).isGreaterThanOrEqualTo(0.95);
        // the two false matches of the issue: generic words alone, a sound-alike name born decades apart
        assertThat(byClass.get("other organisation, the same generic words").fp).isZero();
        assertThat(byClass.get("other organisation, generic words of another kind").fp).isZero();
        assertThat(byClass.get("sound-alike paterno, birth dates decades apart").fp).isZero();
        assertThat(byClass.get("birth date: day and month swapped").recall()).isEqualTo(1.0);
    }
}
