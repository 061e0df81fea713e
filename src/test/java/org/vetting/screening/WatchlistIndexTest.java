package org.vetting.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vetting.rules.ScreeningPolicy;

/** The index finds the entry a name belongs to among thousands, scoring a few candidates only. */
class WatchlistIndexTest {
    /** The shipped rule set's screening policy, at a threshold. */
    static ScreeningPolicy policy(double threshold) {
        return SHIPPED.withThreshold(threshold);
    }

    static final ScreeningPolicy SHIPPED = org.vetting.rules.RuleSetLoader.fromDirectory(java.nio.file.Path.of("rules"))
            .screeningPolicy().orElseThrow();

    /** Invented entries: syllable-built family names, so the list is as varied as a real one. */
    static List<WatchlistEntry> invented(int n, long seed) {
        String[] syllables = {"ca", "ra", "ve", "lo", "mi", "ran", "da", "zu", "ño", "te", "bel", "gar", "vi", "lla",
                "qui", "ro", "sa", "ma", "ne", "to", "rez", "guz", "mán", "cha", "ver", "dal", "ol", "ber", "tin"};
        Random random = new Random(seed);
        List<WatchlistEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String paterno = word(syllables, random);
            String materno = word(syllables, random);
            String given = LabelledPairsTest.GIVEN[random.nextInt(LabelledPairsTest.GIVEN.length)];
            entries.add(new WatchlistEntry("E" + i, WatchlistEntry.Kind.PERSON, given + " " + paterno + " " + materno,
                    given, paterno + " " + materno, List.of(), List.of(), null, List.of("MX"), null, null));
        }
        return entries;
    }

    static String word(String[] syllables, Random random) {
        StringBuilder w = new StringBuilder();
        for (int s = 0; s < 2 + random.nextInt(2); s++) {
            w.append(syllables[random.nextInt(syllables.length)]);
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    @Test
    void theRightEntryIsFoundAmongThousands_BySpellingsOfTheSamePerson() {
        List<WatchlistEntry> entries = new ArrayList<>(invented(3_000, 7));
        entries.add(new WatchlistEntry("TARGET", WatchlistEntry.Kind.PERSON, "VILLALOBOS QUINTERO, Guadalupe", null, null,
                List.of("VILLALOBOS, Lupe"), List.of("La Güera"), "1979-04-02", List.of("MX"), "SDNTK", null));
        WatchlistIndex index = new WatchlistIndex("INVENTED", 1, entries);
        for (Subject spelling : List.of(officer("Guadalupe", "Villalobos"),
                officer("GUADALUPE", "QUINTERO VILLALOBOS"), officer("Guadalupe", "Bilalobos Quintero"),
                officer("Lupe", "Villalobos Quintero"), Subject.association("a1", "Guadalupe Villalobos Quintero", null))) {
            List<Match> hits = index.screen(spelling, policy(0.80));
            assertThat(hits).as(spelling.toString()).isNotEmpty();
            assertThat(hits.get(0).entry().id()).as(spelling.toString()).isEqualTo("TARGET");
            assertThat(index.candidates(spelling)).as("scored, of " + index.size()).isLessThan(index.size() / 10);
        }
        assertThat(index.screen(officer("Guadalupe", "Zúñiga Olmedo"), policy(0.80))).isEmpty();
    }

    private static Subject officer(String given, String family) {
        return Subject.officer(given, family, null, null);
    }

    @Test
    void qualifiers_aDifferentBirthYearOrNationalityLowersTheScore_theSameRaisesIt() {
        WatchlistEntry entry = new WatchlistEntry("E1", WatchlistEntry.Kind.PERSON, "PEREZ LOPEZ, Juan Carlos", null, null,
                List.of(), List.of(), "1975-03-14", List.of("MX"), null, null);
        WatchlistIndex index = new WatchlistIndex("L", 1, List.of(entry));
        double plain = index.screen(Subject.officer("Juan", "Peres López", null, null), policy(0)).get(0).score();
        Match same = index.screen(Subject.officer("Juan", "Peres López", "1975-03-14", "MX"), policy(0)).get(0);
        double otherYear = index.screen(Subject.officer("Juan", "Peres López", "1982-03-14", "US"), policy(0)).get(0).score();
        assertThat(plain).isBetween(0.8, 0.99);
        assertThat(same.score()).isGreaterThan(plain);
        assertThat(same.matchedParts()).contains("given", "paterno", "materno", "birthDate", "nationality");
        assertThat(otherYear).isLessThan(plain - 0.15);
    }

    @Test
    void aWeakAliasNeverMatchesAlone_andOrganisationsMatchTheirNamesWithoutLegalForms() {
        WatchlistEntry person = new WatchlistEntry("P1", WatchlistEntry.Kind.PERSON, "SALAZAR RUIZ, Ernesto", null, null,
                List.of(), List.of("El Güero Salazar"), null, List.of(), null, null);
        WatchlistEntry company = new WatchlistEntry("O1", WatchlistEntry.Kind.ORGANIZATION,
                "TRANSPORTES DEL NORTE DE SINALOA, S.A. DE C.V.", null, null, List.of(), List.of(), null, List.of(), null,
                null);
        WatchlistIndex index = new WatchlistIndex("L", 1, List.of(person, company));
        assertThat(index.screen(Subject.association("a1", "El Güero Salazar", null), policy(0.80))).isEmpty();
        assertThat(index.screen(Subject.association("a2", "Transportes del Norte de Sinaloa SA de CV", null), policy(0.80)))
                .extracting(m -> m.entry().id()).containsExactly("O1");
        assertThat(index.screen(Subject.association("a3", "Transportes del Sur", null), policy(0.80))).isEmpty();
        assertThat(index.screen(Subject.officer("Transportes", "Norte Sinaloa", null, null), policy(0.5))).isEmpty();
    }
}
