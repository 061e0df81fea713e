package org.vetting.http;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.function.BiConsumer;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers on every response, the web interface's and the API's: a strict Content-Security-Policy
 * (scripts, styles and connections from this origin only; no inline code, no framing), no MIME
 * sniffing, no referrer, and no caching of vetting data.
 */
public class SecurityHeaders implements Filter {
    private final boolean tls;

    public SecurityHeaders(boolean tls) {
        this.tls = tls;
    }

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    /**
     * The API reference page (Swagger UI) sets style attributes as it renders: styles may be inline
     * there, and only there. Scripts stay this origin's files; the page holds no vetting data.
     */
    static final String API_REFERENCE_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse r = (HttpServletResponse) response;
        String path = ((HttpServletRequest) request).getRequestURI();
        apply(r::setHeader, path.equals("/api-docs.html") || path.startsWith("/swagger-ui/") ? API_REFERENCE_CSP : CSP);
        chain.doFilter(request, response);
    }

    /** The headers, each set through {@code header} (the filter's response, or the server's own errors: {@link JsonErrors}). */
    void apply(BiConsumer<String, String> header, String csp) {
        header.accept("Content-Security-Policy", csp);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "no-referrer");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Cache-Control", "no-store");
        if (tls) {
            // browsers remember to use TLS only, for a year (the API is served over TLS)
            header.accept("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
