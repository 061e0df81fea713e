package org.vetting.http;

import java.util.concurrent.Semaphore;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import io.dropwizard.auth.basic.BasicCredentials;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.audit.SignIns;
import org.vetting.auth.SignInThrottle;

/**
 * A servlet filter in front of the API, so that a refused guess costs as little as possible: a
 * throttled account or address gets 429 with Retry-After before the request reaches Jersey, and
 * bcrypt never runs. A 401 for credentials that were given is a failed sign-in — recorded for
 * auditors and counted by the throttle as the status is set, before the answer leaves; any other
 * answer clears the pair.
 */
public class SignInGuard implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(SignInGuard.class);

    /** Refusals held at once, and for how long: bounded, so the hold cannot exhaust the request threads. */
    static final int TARPIT_SLOTS = 32;
    static final long TARPIT_MILLIS = 250;

    private final Semaphore holding = new Semaphore(TARPIT_SLOTS);
    private final SignInThrottle throttle;
    private final SignIns signIns;

    public SignInGuard(SignInThrottle throttle, SignIns signIns) {
        this.throttle = throttle;
        this.signIns = signIns;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Optional<String> username = basicUsername(request.getHeader("Authorization"));
        if (username.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        String address = Addresses.of(request);
        Optional<Duration> wait = throttle.wait(username.get(), address);
        if (wait.isPresent()) {
            // refused before Jersey and bcrypt, and not written anywhere: a flood costs neither CPU nor storage;
            // a few refusals at a time are held briefly, which slows a client hammering the door without
            // letting it tie up the server's threads
            tarpit();
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType("application/json");
            response.getWriter().write("{\"code\":429,\"message\":\"too many failed sign-ins; try again in " + seconds
                    + " s\"}");
            return;
        }
        // a failed sign-in is a 401 for these credentials (SignedInFilter marks it), not one about a session
        Refusal refusal = new Refusal(response, () -> {
            if (request.getAttribute(SignedInFilter.WRONG_CREDENTIALS) != null) {
                failed(username.get(), address);
            }
        });
        chain.doFilter(req, refusal);
        if (response.getStatus() == 401) {
            refusal.record(); // when the 401 was not set through the wrapper; once in any case
        } else if (!refusal.recorded) {
            throttle.succeeded(username.get(), address);
        }
    }

    /** A failed sign-in: counted by the throttle and recorded for auditors. */
    private void failed(String username, String address) {
        throttle.failed(username, address);
        try {
            signIns.failed(username, address, "WRONG_CREDENTIALS");
        } catch (RuntimeException e) {
            LOG.error("could not record a failed sign-in from {}: {}", address, e.getClass().getName());
        }
    }

    /**
     * The response, watched for a 401: the failed sign-in is recorded as the status is set, before
     * any of the answer is sent, so that a client that has its 401 finds the sign-in on record.
     */
    private static final class Refusal extends HttpServletResponseWrapper {
        private final Runnable failed;
        boolean recorded;

        Refusal(HttpServletResponse response, Runnable failed) {
            super(response);
            this.failed = failed;
        }

        void record() {
            if (!recorded) {
                recorded = true;
                failed.run();
            }
        }

        @Override
        public void setStatus(int sc) {
            if (sc == 401) {
                record();
            }
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) throws IOException {
            if (sc == 401) {
                record();
            }
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (sc == 401) {
                record();
            }
            super.sendError(sc, msg);
        }
    }

    private void tarpit() {
        if (holding.tryAcquire()) {
            try {
                Thread.sleep(TARPIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                holding.release();
            }
        }
    }


    /** The user name of HTTP Basic credentials, if the header carries readable ones. */
    static Optional<String> basicUsername(String header) {
        return SignedInFilter.basic(header).map(BasicCredentials::getUsername).filter(name -> name.length() <= 64);
    }
}
