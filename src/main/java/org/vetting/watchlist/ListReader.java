package org.vetting.watchlist;

import java.io.InputStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import com.google.common.io.ByteStreams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.vetting.screening.WatchlistEntry;

/**
 * Reads a list version's files, streaming (a line or a record at a time), into its entries in file
 * order. Anything that cannot be read is a {@link MalformedList} naming the file and the line.
 */
public final class ListReader {
    /** Longest line or record read: a list line is a few KB; anything longer is not a list. */
    static final int MAX_LINE = 1 << 20;
    static final int MAX_ENTRIES = 2_000_000;

    private ListReader() {}

    /** The entries of the files (read in name order), by id. */
    public static Map<String, WatchlistEntry> read(ListFormat format, SortedMap<String, Path> files) {
        Map<String, WatchlistEntry> entries = new LinkedHashMap<>();
        try {
            switch (format) {
                case OFAC_CSV -> OfacCsv.read(files, entries);
                case OPENSANCTIONS_FTM -> {
                    for (var f : files.entrySet()) {
                        FtmJsonLines.read(f.getKey(), f.getValue(), entries);
                    }
                }
                case CSV -> {
                    for (var f : files.entrySet()) {
                        NationalCsv.read(f.getKey(), f.getValue(), entries);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new MalformedList(files.firstKey(), 0, format == ListFormat.OFAC_CSV
                        ? "neither UTF-8 nor Windows-1252 text" : "not UTF-8 text");
            }
            throw e;
        }
        return entries;
    }

    /** A UTF-8 reader that refuses bytes that are not UTF-8 rather than guessing. */
    static BufferedReader open(Path file) throws IOException {
        return open(file, StandardCharsets.UTF_8);
    }

    /**
     * A reader of a file published in the 1990s' way (OFAC's legacy CSV files): UTF-8 when every
     * byte is UTF-8, otherwise Windows-1252 (which the files are: Ñ, É as single bytes); CRLF line
     * ends; and a DOS end-of-file byte (0x1A) after the last line, which ends the text. A 0x1A
     * anywhere before the end stays in the text, where the values' check refuses it with its line.
     */
    static BufferedReader openLegacy(Path file) throws IOException {
        return open(file, isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252);
    }

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** The DOS end-of-file character, and its byte in both encodings. */
    static final char DOS_EOF = 0x1A;

    private static BufferedReader open(Path file, Charset charset) throws IOException {
        InputStream bytes = ByteStreams.limit(Files.newInputStream(file), withoutDosEnd(file));
        return new BufferedReader(new InputStreamReader(bytes, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                64 * 1024);
    }

    /**
     * The file's length without its DOS end: the trailing run of 0x1A, CR and LF bytes is cut at its
     * first 0x1A (the line ends before it are kept). A file whose tail has no 0x1A is read whole.
     */
    static long withoutDosEnd(Path file) throws IOException {
        long size = Files.size(file);
        int tail = (int) Math.min(size, 4096);
        byte[] end = new byte[tail];
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(size - tail);
            ByteBuffer buffer = ByteBuffer.wrap(end);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read the tail whole
            }
        }
        long cut = size;
        for (int i = tail - 1; i >= 0 && (end[i] == DOS_EOF || end[i] == '\r' || end[i] == '\n'); i--) {
            if (end[i] == DOS_EOF) {
                cut = size - tail + i;
            }
        }
        return cut;
    }

    /** Whether every byte of the file is UTF-8 (read once, streaming). */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] chunk = new char[64 * 1024];
            while (in.read(chunk) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** What is done with one CSV record, knowing the line it starts on. */
    interface CsvRow {
        void accept(CSVRecord record, long line);
    }

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true).setTrim(true).get();

    /** Each record of a CSV file, streamed; a file that is not CSV is malformed at its line. */
    static void csv(String file, Path path, CsvRow row) {
        csv(file, path, false, row);
    }

    /**
     * As {@link #csv(String, Path, CsvRow)}; {@code legacy}: a file as OFAC publishes it ({@link
     * #openLegacy}). A value with a control character (but a tab) is refused with its line: no list
     * carries one, and binary junk or a 0x1A before the end is not a list.
     */
    static void csv(String file, Path path, boolean legacy, CsvRow row) {
        try (BufferedReader in = legacy ? openLegacy(path) : open(path); CSVParser parser = CSV.parse(in)) {
            var records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    r = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new MalformedList(file, line, "not CSV: " + brief(String.valueOf(
                            e.getCause() == null ? e.getMessage() : e.getCause().getMessage())));
                }
                for (String v : r) {
                    if (v.length() > MAX_LINE) {
                        throw new MalformedList(file, line, "a value longer than " + MAX_LINE + " characters");
                    }
                    control(v).ifPresent(c -> {
                        throw new MalformedList(file, line, c == DOS_EOF
                                ? "a DOS end-of-file byte (0x1A) before the end of the file"
                                : String.format("a control character (0x%02X): not a list's text", (int) c));
                    });
                }
                row.accept(r, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void add(Map<String, WatchlistEntry> entries, WatchlistEntry e, String file, long line) {
        if (e.id() == null || e.id().isBlank() || e.id().length() > 100) {
            throw new MalformedList(file, line, "an entry needs an id of 1 to 100 characters");
        }
        if (e.name() == null || e.name().isBlank()) {
            throw new MalformedList(file, line, "entry " + e.id() + " has no name");
        }
        if (entries.putIfAbsent(e.id(), e) != null) {
            throw new MalformedList(file, line, "entry " + e.id() + " appears twice");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new MalformedList(file, line, "more than " + MAX_ENTRIES + " entries");
        }
    }

    /** {@code YYYY} or {@code YYYY-MM-DD}, or null when empty; anything else is malformed. */
    static String birthDate(String value, String file, long line) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.matches("\\d{4}")) {
            return v;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v).toString();
        } catch (DateTimeParseException e) {
            if (v.matches("\\d{4}-\\d{2}")) {
                return v.substring(0, 4); // a month known without its day: the year qualifies
            }
            throw new MalformedList(file, line, "birth date must be YYYY or YYYY-MM-DD, got " + brief(v));
        }
    }

    static List<String> nationalities(List<String> values, String file, long line) {
        List<String> codes = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            codes.add(Countries.code(v.trim()).orElseThrow(() ->
                    new MalformedList(file, line, "unknown country " + brief(v))));
        }
        return codes.stream().distinct().toList();
    }

    /** The first control character of a value (a tab, CR or LF inside quotes is text). */
    static java.util.Optional<Character> control(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7F) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }

    static String brief(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
