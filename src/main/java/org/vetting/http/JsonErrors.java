package org.vetting.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.vetting.api.ErrorBody;

/**
 * The errors Jetty answers itself — a path nothing serves (404), a malformed URI (400), a header
 * too large (431), a method the web interface's files do not take — as every other error of the
 * service is (docs/api.md, "Errors"): the JSON body {@code {"code", "message"}} with the security
 * headers, never Jetty's HTML page. The message is the status's reason phrase: nothing of the
 * request (a header, a path) is written back.
 */
public final class JsonErrors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonErrors() {
    }

    /** For the server (errors before any context: a bad request line, a header too large). */
    public static org.eclipse.jetty.server.handler.ErrorHandler server(SecurityHeaders headers) {
        return new org.eclipse.jetty.server.handler.ErrorHandler() {
            @Override
            protected void generateResponse(Request request, Response response, int code, String message,
                                            Throwable cause, Callback callback) throws IOException {
                answer(headers, response, code, callback);
            }

            @Override
            public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
                headers.apply((name, value) -> fields.put(name, value), SecurityHeaders.CSP);
                fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
                return ByteBuffer.wrap(body(status));
            }
        };
    }

    /**
     * For the application's servlets (the web interface's files: a path nothing serves): a filter
     * that answers their errors in JSON itself, so that the security headers set before stay, as a
     * servlet container's error dispatch would reset them.
     */
    public static Filter servlets(SecurityHeaders headers) {
        return (request, response, chain) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            HttpServletResponseWrapper wrapped = new HttpServletResponseWrapper(http) {
                @Override
                public void sendError(int sc) throws IOException {
                    json(headers, http, sc);
                }

                @Override
                public void sendError(int sc, String msg) throws IOException {
                    json(headers, http, sc);
                }
            };
            chain.doFilter(request, wrapped);
            if (http.getStatus() >= 400 && !http.isCommitted() && http.getContentType() == null) {
                json(headers, http, http.getStatus()); // an error status set with no body
            }
        };
    }

    private static void json(SecurityHeaders headers, HttpServletResponse response, int code) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset(); // what the servlet set is not this answer's (the files' servlet resets it anyway)
        headers.apply(response::setHeader, SecurityHeaders.CSP);
        response.setStatus(code);
        response.setContentType("application/json");
        byte[] body = body(code);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void answer(SecurityHeaders headers, Response response, int code, Callback callback) {
        HttpFields.Mutable fields = response.getHeaders();
        headers.apply(fields::put, SecurityHeaders.CSP);
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    private static byte[] body(int code) {
        String reason = HttpStatus.getMessage(code);
        try {
            return JSON.writeValueAsBytes(new ErrorBody(code, reason == null ? "error" : reason));
        } catch (JsonProcessingException e) {
            return ("{\"code\":" + code + "}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
