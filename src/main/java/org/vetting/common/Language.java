package org.vetting.common;

import java.util.List;
import java.util.Locale;

/** The two languages of the service; the response follows {@code Accept-Language}, English by default. */
public enum Language {
    EN, ES;

    public static Language from(List<Locale> acceptable) {
        for (Locale l : acceptable) {
            String lang = l.getLanguage();
            if ("es".equalsIgnoreCase(lang)) {
                return ES;
            }
            if ("en".equalsIgnoreCase(lang)) {
                return EN;
            }
        }
        return EN;
    }
}
