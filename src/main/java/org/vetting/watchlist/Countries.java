package org.vetting.watchlist;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** ISO 3166 alpha-2 codes from a country's code or English or Spanish name, as lists write them. */
final class Countries {
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale.Builder().setRegion(code).build();
            BY_NAME.put(fold(code), code);
            BY_NAME.put(fold(country.getDisplayCountry(Locale.ENGLISH)), code);
            BY_NAME.put(fold(country.getDisplayCountry(Locale.forLanguageTag("es"))), code);
        }
        BY_NAME.put("usa", "US");
        BY_NAME.put("united states of america", "US");
    }

    private Countries() {}

    static Optional<String> code(String text) {
        return text == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(fold(text)));
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).trim();
    }
}
