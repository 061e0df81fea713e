package org.vetting.resources;

import java.util.function.Function;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV downloads: a header, rows of cells safe to open in a spreadsheet. */
final class Csv {
    private Csv() {}

    static <T> Response.ResponseBuilder download(String filename, List<String> columns, List<T> items,
                                                 Function<T, Stream<Object>> row) {
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
                    .setHeader(columns.toArray(String[]::new)).get())) {
                for (T item : items) {
                    csv.printRecord(row.apply(item).map(Csv::cell).toList());
                }
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    }

    /**
     * A CSV cell that a spreadsheet will not run as a formula (OWASP "CSV injection"): text starting
     * with =, +, -, @, a tab or a carriage return is prefixed with a single quote.
     */
    static String cell(Object value) {
        String s = value == null ? "" : value.toString();
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
