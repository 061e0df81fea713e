package org.vetting.evaluation;

import java.math.RoundingMode;
import org.vetting.screening.Subject;
import java.util.List;
import java.util.Map;

import org.vetting.api.ScreeningView;
import org.vetting.common.Language;

/**
 * Explains each possible match in the reader's language (docs/screening.md, "Who is screened, when, and what it means"): who was
 * screened, which list, entry and name, the score, and the name parts that agree.
 */
public final class ScreeningText {
    private static final Map<String, String[]> PARTS = Map.of(
            "given", new String[] {"given names", "nombres"},
            "paterno", new String[] {"paternal family name", "apellido paterno"},
            "materno", new String[] {"maternal family name", "apellido materno"},
            "paterno (swapped)", new String[] {"paternal family name (swapped)", "apellido paterno (invertido)"},
            "materno (swapped)", new String[] {"maternal family name (swapped)", "apellido materno (invertido)"},
            "organisation name", new String[] {"organisation name", "nombre de la organización"},
            "birthDate", new String[] {"date of birth", "fecha de nacimiento"},
            "birth year", new String[] {"year of birth", "año de nacimiento"},
            "nationality", new String[] {"nationality", "nacionalidad"},
            "weak alias", new String[] {"a weak alias (corroborating only)", "un alias débil (solo corrobora)"});

    private ScreeningText() {}

    public static ScreeningView view(Screening s, Language language) {
        if (s == null) {
            return null;
        }
        return new ScreeningView(s.lists().stream().map(l -> new ScreeningView.ListVersion(l.list(), l.version()))
                .toList(), s.hits().stream().map(h -> new ScreeningView.Hit(h.hitId(), h.subject(), h.subjectName(),
                h.list(), h.listVersion(), h.entryId(), h.entryName(), h.score(), h.matchedParts(), h.status(),
                explain(h, language))).toList());
    }

    public static String explain(Screening.Hit h, Language language) {
        boolean es = language == Language.ES;
        String who = h.subject().equals(Subject.OFFICER) ? (es ? "El elemento" : "The officer")
                : (es ? "La asociación " : "Association ") + h.subject().substring(h.subject().indexOf(':') + 1);
        List<String> parts = h.matchedParts().stream().map(p -> PARTS.getOrDefault(p, new String[] {p, p})[es ? 1 : 0])
                .toList();
        String agreeing = parts.isEmpty() ? (es ? "ninguna por separado" : "none on its own") : String.join(", ", parts);
        return es
                ? String.format("%s «%s» posiblemente coincide con la entrada %s «%s» de la lista %s (versión %d): "
                        + "puntuación %s; partes que coinciden: %s.", who, h.subjectName(), h.entryId(), h.entryName(),
                        h.list(), h.listVersion(), h.score().setScale(2, RoundingMode.HALF_UP).toPlainString(), agreeing)
                : String.format("%s \"%s\" possibly matches entry %s \"%s\" of list %s (version %d): score %s; "
                        + "parts that agree: %s.", who, h.subjectName(), h.entryId(), h.entryName(), h.list(),
                        h.listVersion(), h.score().setScale(2, RoundingMode.HALF_UP).toPlainString(), agreeing);
    }
}
