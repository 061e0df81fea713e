package org.vetting.resources;

import java.util.stream.Stream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.AccessEntryView;
import org.vetting.api.SignInView;
import org.vetting.audit.SignIns;
import org.vetting.api.AuditedEvaluationView;
import org.vetting.api.EvaluationView;
import org.vetting.api.FlagView;
import org.vetting.api.ListPage;
import org.vetting.api.ReplayView;
import org.vetting.access.AccessLog;
import org.vetting.http.AccessLogged;
import org.vetting.audit.AuditService;
import org.vetting.api.ChainStatus;
import org.vetting.auth.User;
import org.vetting.common.Language;
import org.vetting.api.FiredRuleView;
import org.vetting.errors.ValidationFailed;
import org.vetting.http.AccessLogFilter;

/** {@code /api/audit/*}: read everything, change nothing. AUDITOR only; every call is access-logged. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("AUDITOR")
@AccessLogged
public class AuditResource {
    static final List<String> CSV_COLUMNS = List.of("sequence", "evaluationId", "officerId", "unit", "outcome", "asOf",
            "validUntil", "rulesetVersion", "evaluatedAt", "evaluatedBy", "flags", "firedRules", "hash", "previousHash");

    private final AuditService audit;
    private final AccessLog accessLog;
    private final SignIns signIns;
    private final ObjectMapper mapper;

    public AuditResource(AuditService audit, AccessLog accessLog, SignIns signIns, ObjectMapper mapper) {
        this.audit = audit;
        this.accessLog = accessLog;
        this.signIns = signIns;
        this.mapper = mapper;
    }

    @GET
    @Path("/evaluations")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response evaluations(@Parameter(hidden = true) @Auth User user, @BeanParam History q,
                                @QueryParam("format") String format, @Context Language language,
                                @Context ContainerRequestContext request) {
        AccessLogFilter.officer(request, q.officerId);
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw ValidationFailed.of("format", "expected csv or json");
        }
        int size = Paging.limit(q.limit);
        var query = new AuditService.Query(q.officerId, q.unit, q.rule, q.flag, q.outcome, q.actor,
                time("from", q.from, false), time("to", q.to, true));
        List<AuditService.AuditedEvaluation> rows = audit.evaluations(query, Paging.numericCursor(q.cursor), size + 1,
                user);
        ListPage<AuditedEvaluationView> page = ListPage.of(rows, size, r -> Long.toString(r.sequence()))
                .map(r -> new AuditedEvaluationView(r.evaluation().view(language).withCase(r.adverseCase()),
                        r.officerName(), r.sequence(), r.hash(), r.previousHash(), null));
        if ("csv".equals(format)) {
            return csv(page.items(), page.next());
        }
        return Response.ok(page).build();
    }

    @GET
    @Path("/evaluations/{id}")
    public AuditedEvaluationView evaluation(@Parameter(hidden = true) @Auth User user, @PathParam("id") String id, @Context Language language,
                                            @Context ContainerRequestContext request) {
        AuditService.AuditedEvaluation a = audit.evaluation(id, user, officer -> AccessLogFilter.officer(request, officer));
        try {
            return new AuditedEvaluationView(a.evaluation().view(language).withCase(a.adverseCase()),
                    a.officerName(), a.sequence(), a.hash(), a.previousHash(), mapper.readTree(a.input()));
        } catch (IOException e) {
            throw new IllegalStateException("stored record of evaluation " + id + " is not JSON", e);
        }
    }

    @GET
    @Path("/evaluations/{id}/replay")
    public ReplayView replay(@Parameter(hidden = true) @Auth User user, @PathParam("id") String id, @Context Language language,
                             @Context ContainerRequestContext request) {
        AuditService.Replay r = audit.replay(id, user, officer -> AccessLogFilter.officer(request, officer));
        return new ReplayView(r.matches(), r.recorded().view(language),
                r.replayed().view(language), r.differences());
    }

    @GET
    @Path("/verify")
    public ChainStatus verify(@Parameter(hidden = true) @Auth User user) {
        return audit.verify();
    }

    @GET
    @Path("/access-log")
    public ListPage<AccessEntryView> accessLog(@Parameter(hidden = true) @Auth User user, @BeanParam Reads q,
                                               @Context ContainerRequestContext request) {
        AccessLogFilter.officer(request, q.officerId);
        return accessLog.find(new AccessLog.Query(q.officerId, q.username, time("from", q.from, false),
                time("to", q.to, true)), Paging.numericCursor(q.cursor), Paging.limit(q.limit), user);
    }

    /** The query of {@code GET /api/audit/evaluations}: filters, each optional, and the page. */
    public static final class History {
        @QueryParam("officerId") String officerId;
        @QueryParam("unit") String unit;
        @QueryParam("rule") String rule;
        @QueryParam("flag") String flag;
        @QueryParam("outcome") String outcome;
        @QueryParam("actor") String actor;
        @QueryParam("from") String from;
        @QueryParam("to") String to;
        @QueryParam("limit") String limit;
        @QueryParam("cursor") String cursor;
    }

    /** The query of {@code GET /api/audit/access-log}: filters, each optional, and the page. */
    public static final class Reads {
        @QueryParam("officerId") String officerId;
        @QueryParam("username") String username;
        @QueryParam("from") String from;
        @QueryParam("to") String to;
        @QueryParam("limit") String limit;
        @QueryParam("cursor") String cursor;
    }

    /** The sign-in log: every step, failures included; names tried, addresses, times (not an officer's data). */
    @GET
    @Path("/sign-ins")
    public ListPage<SignInView> signIns(@Parameter(hidden = true) @Auth User user, @QueryParam("username") String username,
                                              @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return signIns.find(username, Paging.numericCursor(cursor), Paging.limit(limit));
    }

    private static Response csv(List<AuditedEvaluationView> items, String next) {
        Response.ResponseBuilder r = Csv.download("evaluations.csv", CSV_COLUMNS, items, item -> {
            EvaluationView e = item.evaluation();
            return Stream.of(item.sequence(), e.evaluationId(), e.officerId(), e.unit(), e.outcome(),
                    e.asOf(), e.validUntil(), e.rulesetVersion(), e.evaluatedAt(), e.evaluatedBy(),
                    String.join(";", e.flags().stream().map(FlagView::code).toList()),
                    String.join(";", e.firedRules().stream().map(FiredRuleView::rule).toList()),
                    item.hash(), item.previousHash());
        });
        if (next != null) {
            r.header("X-Next-Cursor", next);
        }
        return r.build();
    }

    /** A date (YYYY-MM-DD, UTC; {@code to} includes the whole day) or an ISO-8601 instant. */
    static Instant time(String field, String value, boolean end) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationFailed.of(field, "expected YYYY-MM-DD or an ISO-8601 instant, got " + value);
        }
    }
}
