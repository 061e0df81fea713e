package org.vetting.adverse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.vetting.api.AdverseKind;
import org.vetting.api.LetterKind;
import org.vetting.api.OfficerRecord;
import org.vetting.common.Language;
import org.vetting.common.Sha256;
import org.vetting.db.AdverseCaseDao.CaseRow;
import org.vetting.db.AdverseCaseDao.StepRow;
import org.vetting.evaluation.Evaluation;
import org.vetting.evaluation.ExplainedFlag;

/**
 * The letters of an adverse case (policy section 9): the notice (statement of reasons and rights)
 * and the final decision (with the appeal right), in English or Spanish, as text and as a PDF
 * written with Apache PDFBox, Liberation Sans embedded (a subset) so that every accent prints.
 *
 * <p>Reproducible: a letter is a function of what the chain holds — the case and the step it
 * belongs to (snapshots in its audit entry), the evaluation it rests on and that evaluation's record
 * version (both never updated). The PDF has no clock or random in it: its creation date is the
 * step's instant and its document id is derived from its text, so the same inputs give the same
 * bytes and the same SHA-256 ({@code AdverseCaseService.reproduce}).
 */
public final class Letters {
    private static final float SIZE = 10.5f;
    private static final float TITLE = 14f;
    private static final float LEADING = 14.5f;
    private static final float MARGIN = 60f;
    /** The fonts' files, read from the class path once (each letter embeds its own subset of them). */
    private static final byte[] REGULAR = font("/liberation/LiberationSans-Regular.ttf");
    private static final byte[] BOLD = font("/liberation/LiberationSans-Bold.ttf");

    private Letters() {}

    /** A letter: its lines (the first is the title; an empty string is a blank line), its PDF and the PDF's SHA-256. */
    public record Letter(List<String> lines, byte[] pdf, String sha256) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    /**
     * What a letter is made from. {@code step}: the NOTICE or RECONSIDERATION step (its reasons,
     * actor and instant); {@code evaluation}: the evaluation it rests on; {@code record}: that
     * evaluation's record version.
     */
    public record Input(LetterKind kind, Language language, CaseRow adverseCase, StepRow step, Evaluation evaluation,
                        OfficerRecord record, ZoneId zone) {}

    public static Letter write(Input in) {
        List<String> lines = lines(in);
        byte[] pdf = pdf(lines, in);
        return new Letter(lines, pdf, Sha256.hex(pdf));
    }

    static List<String> lines(Input in) {
        boolean es = in.language() == Language.ES;
        CaseRow c = in.adverseCase();
        Evaluation e = in.evaluation();
        boolean denial = c.kind() == AdverseKind.DENIAL;
        LocalDate day = in.step().at().atZone(in.zone()).toLocalDate();
        List<String> l = new ArrayList<>();
        if (in.kind() == LetterKind.NOTICE) {
            l.add(es ? (denial ? "Aviso de propuesta de denegación" : "Aviso de propuesta de revocación")
                    : (denial ? "Notice of proposed denial" : "Notice of proposed revocation"));
        } else {
            l.add(es ? (denial ? "Resolución definitiva: denegación confirmada" : "Resolución definitiva: revocación confirmada")
                    : (denial ? "Final decision: denial upheld" : "Final decision: revocation upheld"));
        }
        l.add("");
        l.add((es ? "Expediente: " : "Case: ") + c.caseId());
        l.add((es ? "Fecha: " : "Date: ") + day);
        l.add((es ? "Para: " : "To: ") + name(in.record()) + " (" + c.officerId() + ")");
        l.add((es ? "Unidad: " : "Unit: ") + c.unit());
        l.add("");
        if (in.kind() == LetterKind.NOTICE) {
            l.add(es ? (denial ? "Se propone denegar su acreditación para la unidad. Esta decisión todavía no es definitiva."
                    : "Se propone revocar su acreditación para la unidad. Esta decisión todavía no es definitiva.")
                    : (denial ? "It is proposed to deny your clearance for the unit. This decision is not yet final."
                    : "It is proposed to revoke your clearance for the unit. This decision is not yet final."));
        } else {
            l.add(es ? (denial ? "Tras la reconsideración, se confirma la denegación de su acreditación para la unidad."
                    : "Tras la reconsideración, se confirma la revocación de su acreditación para la unidad.")
                    : (denial ? "After reconsideration, the denial of your clearance for the unit is upheld."
                    : "After reconsideration, the revocation of your clearance for the unit is upheld."));
        }
        l.add("");
        l.add(es ? "Exposición de motivos" : "Statement of reasons");
        l.add(es ? "Las reglas de evaluación (versión " + e.rulesetVersion().substring(0, 12) + ") evaluaron su expediente al "
                + e.asOf() + " (evaluación " + e.id() + ") con el resultado " + e.outcome() + ". Hallazgos:"
                : "The vetting rules (version " + e.rulesetVersion().substring(0, 12) + ") evaluated your record as of "
                + e.asOf() + " (evaluation " + e.id() + ") with the outcome " + e.outcome() + ". Findings:");
        int n = 1;
        for (ExplainedFlag f : e.flags()) {
            String message = es ? f.messageEs() : f.messageEn();
            String records = f.evidence().isEmpty() ? "" : (es ? " Registros: " : " Records: ") + String.join(", ", f.evidence())
                    + ".";
            l.add(n++ + ". " + f.code() + " (" + f.severity() + "): " + message + records);
        }
        if (e.flags().isEmpty()) {
            l.add(es ? "Ningún hallazgo de las reglas; la propuesta es la decisión razonada de un adjudicador."
                    : "No finding of the rules; the proposal is an adjudicator's reasoned decision.");
        }
        l.add("");
        l.add((es ? "Motivos de " : "Reasons of ") + in.step().actor() + ": " + oneLine(in.step().text()));
        l.add("");
        l.add(es ? "Sus derechos" : "Your rights");
        if (in.kind() == LetterKind.NOTICE) {
            LocalDate due = c.replyDueOn();
            l.add(es ? "- Puede responder por escrito a más tardar el " + due + " (" + c.replyDays()
                    + " días naturales). Su oficina de control registra la respuesta y cualquier registro nuevo que atenúe los hallazgos."
                    : "- You may reply in writing by " + due + " (" + c.replyDays()
                    + " calendar days). Your vetting office records the reply and any new records that mitigate the findings.");
            l.add(es ? "- Puede pedir una sola vez una prórroga de hasta " + c.extensionDays() + " días."
                    : "- You may ask once for an extension of up to " + c.extensionDays() + " days.");
            l.add(es ? "- Puede consultar los registros en que se basan los hallazgos y recibir asistencia de una persona de su elección."
                    : "- You may see the records the findings rest on, and be assisted by a person of your choice.");
            l.add(es ? "- Un segundo dictaminador, distinto de quien emite este aviso, reconsiderará el caso con su respuesta o al cerrar el plazo."
                    : "- A second adjudicator, other than the one issuing this notice, will reconsider the case on your reply or when the window closes.");
        } else {
            l.add(es ? "- Puede apelar ante una junta de tres miembros que no participaron en el caso, a más tardar el "
                    + c.appealDueOn() + " (" + c.appealDays() + " días naturales)."
                    : "- You may appeal to a board of three members who took no part in the case, by " + c.appealDueOn()
                    + " (" + c.appealDays() + " calendar days).");
            l.add(es ? "- Puede consultar los registros en que se basan los hallazgos y recibir asistencia de una persona de su elección."
                    : "- You may see the records the findings rest on, and be assisted by a person of your choice.");
        }
        l.add("");
        l.add((es ? "Emitido por " : "Issued by ") + in.step().actor() + (es ? " el " : " on ") + day + ".");
        return l;
    }

    private static String name(OfficerRecord r) {
        String name = ((r.givenName() == null ? "" : r.givenName()) + " " + (r.familyName() == null ? "" : r.familyName()))
                .strip();
        return name.isEmpty() ? r.officerId() : name;
    }

    /** A person's text on one paragraph: line breaks and other control characters become spaces. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    private static byte[] pdf(List<String> lines, Input in) {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font body = PDType0Font.load(doc, new ByteArrayInputStream(REGULAR));
            PDType0Font heading = PDType0Font.load(doc, new ByteArrayInputStream(BOLD));
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(lines.get(0) + " " + in.adverseCase().caseId());
            info.setProducer("vetting-service");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(in.step().at().toEpochMilli());
            info.setCreationDate(created);
            // a document id from the text, not from the clock: the same letter is the same bytes
            byte[] id = Sha256.hex(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)).substring(0, 32)
                    .getBytes(StandardCharsets.US_ASCII);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);

            Page page = new Page(doc);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                boolean title = i == 0;
                boolean section = !title && i > 0 && lines.get(i - 1).isEmpty() && i + 1 < lines.size()
                        && !line.isEmpty() && isSection(line);
                PDType0Font font = title || section ? heading : body;
                float size = title ? TITLE : SIZE;
                if (line.isEmpty()) {
                    page.advance(LEADING / 2);
                    continue;
                }
                for (String wrapped : wrap(printable(line, font), font, size, page.width())) {
                    page.write(wrapped, font, size);
                }
                if (title) {
                    page.advance(LEADING / 2);
                }
            }
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a letter", e);
        }
    }

    private static boolean isSection(String line) {
        return line.equals("Statement of reasons") || line.equals("Exposición de motivos") || line.equals("Your rights")
                || line.equals("Sus derechos");
    }

    private static byte[] font(String path) {
        try (InputStream in = Letters.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the letters' font " + path + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the letters' font " + path, e);
        }
    }

    /** The line with any character the font cannot draw replaced by '?' (a letter is never refused for a character). */
    private static String printable(String line, PDType0Font font) {
        StringBuilder out = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> {
            String s = new String(Character.toChars(cp));
            try {
                if (Character.isISOControl(cp)) {
                    out.append(' ');
                } else {
                    font.encode(s);
                    out.append(s);
                }
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static List<String> wrap(String line, PDType0Font font, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.split(" ")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (current.isEmpty() || font.getStringWidth(candidate) / 1000 * size <= width) {
                current.setLength(0);
                current.append(candidate);
            } else {
                out.add(current.toString());
                current.setLength(0);
                current.append(word);
            }
        }
        out.add(current.toString());
        return out;
    }

    /** The page being written, and a new one when it is full. */
    private static final class Page {
        private final PDDocument doc;
        private PDPageContentStream stream;
        private float y;

        Page(PDDocument doc) throws IOException {
            this.doc = doc;
            next();
        }

        float width() {
            return PDRectangle.A4.getWidth() - 2 * MARGIN;
        }

        private void next() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void advance(float by) {
            y -= by;
        }

        void write(String text, PDType0Font font, float size) throws IOException {
            if (y - LEADING < MARGIN) {
                next();
            }
            y -= LEADING;
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(text);
            stream.endText();
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
