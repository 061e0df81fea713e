package org.vetting.watchlist;

import java.util.List;

import org.vetting.api.FieldError;
import org.vetting.errors.ValidationFailed;

/** A list file that cannot be read: refused (422) naming the file and the line, and nothing is stored. */
public final class MalformedList extends ValidationFailed {
    private final String file;
    private final long line;

    public MalformedList(String file, long line, String message) {
        super(List.of(new FieldError("files." + file, "line " + line + ": " + message)));
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    /** As a command prints it: {@code file:line: message}. */
    public String where() {
        return file + ":" + line + ": " + errors().get(0).message().replaceFirst("^line \\d+: ", "");
    }
}
