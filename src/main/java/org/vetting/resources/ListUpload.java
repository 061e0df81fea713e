package org.vetting.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.vetting.errors.ValidationFailed;

/**
 * The body of a watchlist import, {@code {"format": "…", "files": {"sdn.csv": "…", …}}}, read as a
 * stream: each file's text goes straight from the request to a temporary file (Jackson's
 * {@code getText(Writer)}), so a list of hundreds of MB never sits in the heap. A file may instead be
 * given as its bytes, {@code {"base64": "…"}} (decoded as it streams): a list exactly as its publisher
 * wrote it, whatever its encoding. Closing deletes them.
 */
final class ListUpload implements AutoCloseable {
    static final int MAX_FILES = 20;
    private static final JsonFactory JSON = new JsonFactory();

    private final Path dir;
    private final SortedMap<String, Path> files = new TreeMap<>();
    private String format;

    private ListUpload(Path dir) {
        this.dir = dir;
    }

    String format() {
        return format;
    }

    SortedMap<String, Path> files() {
        return files;
    }

    static ListUpload read(InputStream body) {
        ListUpload upload;
        try {
            upload = new ListUpload(Files.createTempDirectory("watchlist-upload"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ValidationFailed.of("(body)", "a JSON object {\"format\", \"files\"}");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("format") && value == JsonToken.VALUE_STRING) {
                    upload.format = p.getText();
                } else if (field.equals("files") && value == JsonToken.START_OBJECT) {
                    upload.readFiles(p);
                } else if (field.equals("format") || field.equals("files")) {
                    throw ValidationFailed.of(field, field.equals("format") ? "a text" : "an object of file name to text");
                } else {
                    throw ValidationFailed.of(field, "unknown field (expected format and files)");
                }
            }
        } catch (IOException e) {
            upload.close();
            throw ValidationFailed.of("(body)", "not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
        if (upload.format == null) {
            upload.close();
            throw ValidationFailed.of("format", "required");
        }
        if (upload.files.isEmpty()) {
            upload.close();
            throw ValidationFailed.of("files", "required: at least one file");
        }
        return upload;
    }

    private void readFiles(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            if (!name.matches("[A-Za-z0-9][\\w.-]{0,100}")) {
                throw ValidationFailed.of("files", "a file name of letters, digits, '.', '_' or '-', got "
                        + (name.length() > 60 ? name.substring(0, 60) + "…" : name));
            }
            JsonToken value = p.nextToken();
            if (value != JsonToken.VALUE_STRING && value != JsonToken.START_OBJECT) {
                throw ValidationFailed.of("files." + name, "the file's text, or {\"base64\": its bytes}");
            }
            if (files.size() == MAX_FILES) {
                throw ValidationFailed.of("files", "at most " + MAX_FILES + " files");
            }
            Path file = dir.resolve(Integer.toString(files.size()));
            if (value == JsonToken.VALUE_STRING) {
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    p.getText(out);
                }
            } else {
                bytes(p, name, file);
            }
            if (files.put(name, file) != null) {
                throw ValidationFailed.of("files." + name, "given twice");
            }
        }
    }

    /**
     * A file given as {@code {"base64": "…"}}: its bytes exactly as published (a list in Windows-1252,
     * with a DOS end-of-file byte), decoded from base64 straight into the temporary file.
     */
    private static void bytes(JsonParser p, String name, Path file) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME || !"base64".equals(p.currentName())
                || p.nextToken() != JsonToken.VALUE_STRING) {
            throw ValidationFailed.of("files." + name, "an object with one field, base64: the file's bytes");
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            p.readBinaryValue(Base64Variants.MIME_NO_LINEFEEDS, out);
        } catch (JsonParseException e) {
            throw ValidationFailed.of("files." + name + ".base64", "not base64: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IllegalArgumentException e) {
            // Jackson's base64 decoder says what is wrong (a character, a unit) this way
            throw ValidationFailed.of("files." + name + ".base64", "not base64: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (p.nextToken() != JsonToken.END_OBJECT) {
            throw ValidationFailed.of("files." + name, "an object with one field, base64: the file's bytes");
        }
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is removed with the others at the next start of the OS
        }
    }
}
