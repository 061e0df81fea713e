package org.vetting.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The matcher on a labelled set of invented Spanish names: for each of 40 invented people, eight
 * spellings that are the same person (accents, dropped materno, dropped second given name, swapped
 * family names, particles, phonetic variants, a typo, case) and four that are not (sharing one name
 * part, differing only in a family name). Precision and recall at the rule set's threshold (0.80)
 * are held as a regression floor.
 */
class LabelledPairsTest {
    static final double THRESHOLD = 0.80;
    static final String[] GIVEN = {"José Luis", "María Fernanda", "Juan Carlos", "Ana Sofía", "Jesús Alberto",
            "Guadalupe", "Luis Ángel", "Rosa María", "Héctor Manuel", "Verónica", "Ricardo", "Adriana Isabel",
            "Miguel Ángel", "Claudia", "Jorge Iván", "Patricia", "Fernando", "Gabriela", "Raúl Ernesto", "Yolanda"};
    static final String[] FAMILY = {"Hernández", "García", "Martínez", "López", "González", "Rodríguez", "Pérez",
            "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres", "Díaz",
            "Gutiérrez", "Ruiz", "Mendoza", "Aguilar", "Ortiz", "Castillo", "Moreno", "Romero", "Álvarez", "Chávez",
            "Rivera", "Juárez", "Ramos", "Domínguez", "Herrera", "Medina", "Castro", "Vargas", "Guzmán", "Velázquez",
            "Villalobos", "Zavala", "Ibarra", "Beltrán", "Valenzuela", "Quintero", "Salazar", "Cervantes", "Becerra",
            "Olvera", "Yáñez", "Sepúlveda"};

    record Pair(String kind, String givenA, String familyA, String givenB, String familyB, boolean same) {}

    static List<Pair> pairs() {
        Random random = new Random(20261128);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String given = GIVEN[i % GIVEN.length];
            String paterno = FAMILY[random.nextInt(FAMILY.length)];
            String materno = FAMILY[random.nextInt(FAMILY.length)];
            while (materno.equals(paterno)) {
                materno = FAMILY[random.nextInt(FAMILY.length)];
            }
            String family = paterno + " " + materno;
            pairs.add(new Pair("accents", given, family, strip(given), strip(family), true));
            pairs.add(new Pair("case", given, family, given.toUpperCase(), family.toUpperCase(), true));
            pairs.add(new Pair("dropped materno", given, family, given, paterno, true));
            pairs.add(new Pair("dropped second given", given, family, given.split(" ")[0], family, true));
            pairs.add(new Pair("swapped family names", given, family, given, materno + " " + paterno, true));
            pairs.add(new Pair("particles", given, family, given, "de " + paterno + " y " + materno, true));
            pairs.add(new Pair("phonetic", given, family, given, phonetic(paterno) + " " + materno, true));
            pairs.add(new Pair("typo", given, family, given, typo(paterno, random) + " " + materno, true));
            String otherPaterno = other(paterno, materno, random);
            String otherGiven = GIVEN[(i + 7) % GIVEN.length];
            pairs.add(new Pair("other paterno", given, family, given, otherPaterno + " " + materno, false));
            pairs.add(new Pair("same paterno only", given, family, otherGiven, paterno + " "
                    + other(materno, paterno, random), false));
            pairs.add(new Pair("same given only", given, family, given, otherPaterno + " "
                    + other(materno, otherPaterno, random), false));
            pairs.add(new Pair("same family, other person", given, family, otherGiven, family, false));
            pairs.add(new Pair("typo in materno", given, family, given, paterno + " " + typo(materno, random), true));
            pairs.add(new Pair("other materno", given, family, given, paterno + " " + other(materno, paterno, random),
                    false));
        }
        return pairs;
    }

    @Test
    void precisionAndRecallOnInventedSpanishNames() {
        List<Pair> pairs = pairs();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(300);
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> misses = new ArrayList<>();
        for (Pair p : pairs) {
            double s = NameMatcher.score(PersonName.of(p.givenA(), p.familyA()), PersonName.of(p.givenB(), p.familyB()));
            boolean hit = s >= THRESHOLD;
            if (hit && p.same()) {
                tp++;
            } else if (hit) {
                fp++;
                misses.add(String.format("FP %.3f %s: %s %s ~ %s %s", s, p.kind(), p.givenA(), p.familyA(), p.givenB(),
                        p.familyB()));
            } else if (p.same()) {
                fn++;
                misses.add(String.format("FN %.3f %s: %s %s ~ %s %s", s, p.kind(), p.givenA(), p.familyA(), p.givenB(),
                        p.familyB()));
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf("labelled pairs: %d; precision %.3f, recall %.3f at %.2f%n", pairs.size(), precision, recall,
                THRESHOLD);
        misses.forEach(System.out::println);
        assertThat(precision).as(String.join("\n", misses)).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as(String.join("\n", misses)).isGreaterThanOrEqualTo(0.95);
    }

    static String strip(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** A spelling that sounds the same in Spanish: z/s, v/b, y/ll, j/x, a silent initial h. */
    static String phonetic(String s) {
        if (s.startsWith("H")) {
            return s.substring(1, 2).toUpperCase() + s.substring(2);
        }
        if (s.contains("z")) {
            return s.replaceFirst("z", "s");
        }
        if (s.contains("v")) {
            return s.replaceFirst("v", "b");
        }
        if (s.startsWith("V")) {
            return "B" + s.substring(1);
        }
        if (s.contains("ll")) {
            return s.replaceFirst("ll", "y");
        }
        if (s.startsWith("J")) {
            return "X" + s.substring(1);
        }
        if (s.contains("s")) {
            return s.replaceFirst("s", "z");
        }
        return s.replaceFirst("c", "s");
    }

    /** One letter changed, not the first. */
    static String typo(String s, Random random) {
        int i = 1 + random.nextInt(s.length() - 1);
        char c = s.charAt(i) == 'e' ? 'a' : 'e';
        return s.substring(0, i) + c + s.substring(i + 1);
    }

    static String other(String not, String norEither, Random random) {
        String o;
        do {
            o = FAMILY[random.nextInt(FAMILY.length)];
        } while (o.equals(not) || o.equals(norEither));
        return o;
    }
}
