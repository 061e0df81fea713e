package org.vetting.resources;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.text.StringEscapeUtils;
import org.vetting.api.ErrorBody;
import org.vetting.errors.DomainException;
import org.vetting.http.Addresses;
import org.vetting.http.DomainExceptionMapper;
import org.vetting.http.SessionCookie;
import org.vetting.signin.Sessions;
import org.vetting.sso.SingleSignOn;

/**
 * The browser's way through the agency's identity provider (docs/api.md, "Sign-in"), outside the
 * JSON API because the browser navigates here: {@code GET /auth/login} sends it to the provider,
 * {@code GET /auth/callback} takes it back (a session cookie and a redirect into the interface, or a
 * page saying why not), {@code POST /auth/logout} ends the session and names the provider's
 * end-session address, {@code GET /auth/done} closes a re-authentication's window, and {@code GET
 * /auth/options} tells the sign-in page whether single sign-on is configured.
 */
public final class AuthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient SingleSignOn sso;
    private final transient Sessions sessions;
    private final transient SessionCookie cookie;
    private final transient ObjectMapper json;

    public AuthServlet(SingleSignOn sso, Sessions sessions, SessionCookie cookie, ObjectMapper json) {
        this.sso = sso;
        this.sessions = sessions;
        this.cookie = cookie;
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            switch (path) {
                case "/options" -> json(response, 200, Map.of("sso", sso.enabled()));
                case "/login" -> login(request, response);
                case "/callback" -> callback(request, response);
                case "/done" -> page(response, 200, "Signed in again / Sesión confirmada",
                        "You may close this window. — Puede cerrar esta ventana.");
                default -> page(response, 404, "Not found / No encontrado", "No such page.");
            }
        } catch (DomainException e) {
            int status = DomainExceptionMapper.status(e);
            page(response, status, status == 403 ? "Not allowed / No permitido" : "Sign-in failed / Inicio fallido",
                    e.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/logout".equals(request.getPathInfo())) {
            json(response, 404, new ErrorBody(404, "no such endpoint"));
            return;
        }
        try {
            String method = sessions.signOut(cookie.id(request), request.getHeader(SessionCookie.CSRF_HEADER),
                    Addresses.of(request));
            Optional<URI> provider = sso.providerLogout(method);
            response.addHeader("Set-Cookie", cookie.clear().toString());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("providerLogout", provider.map(URI::toString).orElse(null));
            json(response, 200, body);
        } catch (DomainException e) {
            int status = DomainExceptionMapper.status(e);
            json(response, status, new ErrorBody(status, e.getMessage()));
        }
    }

    /** To the provider; a re-authentication ({@code reauth=true}) names the session it renews. */
    private void login(HttpServletRequest request, HttpServletResponse response) {
        boolean reauth = "true".equals(request.getParameter("reauth"));
        SingleSignOn.Started started = sso.start(request.getParameter("returnTo"), reauth, cookie.id(request));
        response.addHeader("Set-Cookie", cookie.binding(started.binding(), 600));
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(302);
        response.setHeader("Location", started.provider().toString());
    }

    /** Back from the provider: signed in (the session cookie set), or a page saying why not. */
    private void callback(HttpServletRequest request, HttpServletResponse response) {
        SingleSignOn.Finished finished = sso.finish(request.getParameter("code"), request.getParameter("state"),
                request.getParameter("error"), cookie.binding(request), Addresses.of(request));
        response.addHeader("Set-Cookie", cookie.binding("", 0));
        if (finished.session() != null) {
            response.addHeader("Set-Cookie", cookie.issue(finished.session().id()).toString());
        }
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(302);
        response.setHeader("Location", finished.returnTo());
    }

    private void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    /** A small page in both languages, with the interface's stylesheet and no script. */
    private static void page(HttpServletResponse response, int status, String title, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + StringEscapeUtils.escapeHtml4(title) + "</title><link rel=\"stylesheet\" href=\"/app.css\"></head>"
                + "<body><main><h1>" + StringEscapeUtils.escapeHtml4(title) + "</h1><p id=\"message\">"
                + StringEscapeUtils.escapeHtml4(message) + "</p><p><a href=\"/\">Vetting service — sign in / "
                + "Servicio de evaluación — iniciar sesión</a></p></main></body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
