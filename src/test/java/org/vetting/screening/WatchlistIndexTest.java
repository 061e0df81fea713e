package org.vetting.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The index finds the entry a name belongs to among thousands, scoring a few candidates only. */
class WatchlistIndexTest {
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
            entries.add(new WatchlistEntry("INVENTED", "E" + i, List.of(PersonName.of(given, paterno + " " + materno)),
                    null, "MX"));
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
        entries.add(new WatchlistEntry("INVENTED", "TARGET", List.of(PersonName.of("Guadalupe", "Villalobos Quintero"),
                PersonName.of("Lupe", "Villalobos")), "1979-04-02", "MX"));
        WatchlistIndex index = new WatchlistIndex(entries);
        for (PersonName spelling : List.of(PersonName.of("Guadalupe", "Villalobos"),
                PersonName.of("GUADALUPE", "QUINTERO VILLALOBOS"), PersonName.of("Guadalupe", "Bilalobos Quintero"),
                PersonName.of("Lupe", "Villalobos Quintero"))) {
            List<WatchlistIndex.Hit> hits = index.screen(spelling, 0.80);
            assertThat(hits).as(spelling.toString()).isNotEmpty();
            assertThat(hits.get(0).entry().id()).as(spelling.toString()).isEqualTo("TARGET");
            assertThat(index.candidates(spelling)).as("scored, of " + index.size()).isLessThan(index.size() / 10);
        }
        assertThat(index.screen(PersonName.of("Guadalupe", "Zúñiga Olmedo"), 0.80)).isEmpty();
    }
}
