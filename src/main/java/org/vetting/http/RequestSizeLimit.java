package org.vetting.http;

import java.util.regex.Pattern;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.vetting.errors.TooLarge;

/**
 * Refuses request bodies over the limit (docs/api.md: 1 MiB) with 413: before reading when
 * Content-Length says so, and while reading when the body is chunked. A body of a few MiB is read
 * to its end and dropped before the answer, so that a client still sending it reads the 413 rather
 * than a connection reset; a larger one is cut off.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {
    public static final long MAX_BYTES = 1024 * 1024;
    /** A watchlist import (API v1.2): a list's files, streamed to disk as they are read. */
    public static final long MAX_LIST_BYTES = 256L * 1024 * 1024;
    private static final Pattern LIST_IMPORT =
            Pattern.compile("/?(api/)?watchlists/[^/]+/versions/?");
    /** How much of an oversized body is read and dropped so that its sender gets the 413. */
    static final long DRAIN_BYTES = 8 * MAX_BYTES;

    @Override
    public void filter(ContainerRequestContext request) {
        long max = "POST".equals(request.getMethod())
                && LIST_IMPORT.matcher(request.getUriInfo().getPath()).matches() ? MAX_LIST_BYTES : MAX_BYTES;
        if (request.getLength() > max) {
            if (request.getLength() <= DRAIN_BYTES) {
                drain(request.getEntityStream());
            }
            throw tooLarge(max);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), max));
        }
    }

    private static void drain(InputStream in) {
        try {
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n; read < DRAIN_BYTES && (n = in.read(buffer)) > 0; ) {
                read += n;
            }
        } catch (IOException e) {
            // the client went away: nothing left to answer
        }
    }

    private static TooLarge tooLarge(long max) {
        return new TooLarge("request body larger than " + max + " bytes (" + (max >> 20) + " MiB)");
    }

    private static final class Limited extends FilterInputStream {
        private long count;
        private final long max;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > max) {
                drain(in);
                throw tooLarge(max);
            }
        }
    }
}
