package org.vetting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen, for the single sign-on tests: follows redirects one by one and keeps
 * cookies per host as a browser does — including Keycloak's development-mode cookies, which are
 * {@code Secure} even over plain HTTP (Chromium sends them to a loopback address; Java's {@code
 * CookieManager} would not, so this keeps its own jar) — and posts the forms of the provider's pages
 * (the login page, the one-time-code page) as a person would.
 */
public final class Agent {
    private static final Pattern FORM = Pattern.compile("<form[^>]*\\bid=\"([^\"]+)\"[^>]*\\baction=\"([^\"]+)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM_ACTION_FIRST = Pattern.compile(
            "<form[^>]*\\baction=\"([^\"]+)\"[^>]*\\bid=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Map<String, String>> jar = new LinkedHashMap<>();
    /** Every Set-Cookie header received, in order, with the host that sent it: "host: header". */
    public final List<String> setCookies = new ArrayList<>();
    /** Every address visited, in order (redirects included). */
    public final List<URI> visited = new ArrayList<>();

    /** An answer: where it came from, its status, headers and body. */
    public record Page(URI uri, int status, HttpHeaders headers, String body) {
        public String location() {
            return headers.firstValue("Location").orElse(null);
        }
    }

    /** GET, following redirects. */
    public Page get(String url) {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET()));
    }

    /** GET, not following a redirect. */
    public Page getOnce(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Submits a form of the page (by its id) with these fields, following redirects. */
    public Page submit(Page page, String formId, Map<String, String> fields) {
        String action = null;
        Matcher m = FORM.matcher(page.body());
        while (m.find() && action == null) {
            if (m.group(1).equals(formId)) {
                action = m.group(2);
            }
        }
        Matcher m2 = FORM_ACTION_FIRST.matcher(page.body());
        while (action == null && m2.find()) {
            if (m2.group(2).equals(formId)) {
                action = m2.group(1);
            }
        }
        if (action == null) {
            throw new AssertionError("no form " + formId + " on " + page.uri() + ":\n" + page.body());
        }
        URI target = page.uri().resolve(action.replace("&amp;", "&"));
        String body = fields.entrySet().stream().map(e -> Keycloak.enc(e.getKey()) + "=" + Keycloak.enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return follow(send(HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Whether the page holds a form of this id. */
    public static boolean hasForm(Page page, String formId) {
        return page.body().contains("id=\"" + formId + "\"");
    }

    /** A cookie this agent holds for a host ({@code host:port}), or null. */
    public String cookie(URI site, String name) {
        return jar.getOrDefault(site.getAuthority(), Map.of()).get(name);
    }

    /** Forgets a cookie (a browser that never had it). */
    public void forget(URI site, String name) {
        jar.getOrDefault(site.getAuthority(), new LinkedHashMap<>()).remove(name);
    }

    private Page follow(Page page) {
        for (int i = 0; i < 10 && page.status() / 100 == 3 && page.location() != null; i++) {
            page = send(HttpRequest.newBuilder(page.uri().resolve(page.location())).GET());
        }
        return page;
    }

    /** Sends a request with this host's cookies, and keeps the cookies its answer sets. */
    public Page send(HttpRequest.Builder builder) {
        HttpRequest probe = builder.copy().build();
        URI uri = probe.uri();
        Map<String, String> cookies = jar.computeIfAbsent(uri.getAuthority(), k -> new LinkedHashMap<>());
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        builder.timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            visited.add(uri);
            for (String set : r.headers().allValues("Set-Cookie")) {
                setCookies.add(uri.getAuthority() + ": " + set);
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                boolean gone = value.isEmpty() || set.toLowerCase().contains("max-age=0")
                        || set.toLowerCase().contains("expires=thu, 01 jan 1970") || set.toLowerCase().contains("expires=thu, 01-jan-1970");
                if (gone) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return new Page(uri, r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
