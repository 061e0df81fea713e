package org.vetting.http;

import java.io.IOException;

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

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse r = (HttpServletResponse) response;
        r.setHeader("Content-Security-Policy", CSP);
        r.setHeader("X-Content-Type-Options", "nosniff");
        r.setHeader("Referrer-Policy", "no-referrer");
        r.setHeader("X-Frame-Options", "DENY");
        r.setHeader("Cache-Control", "no-store");
        if (tls) {
            // browsers remember to use TLS only, for a year (the API is served over TLS)
            r.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }
}
