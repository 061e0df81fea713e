package org.vetting.resources;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.BatchResult;
import org.vetting.api.CandidateBatch;
import org.vetting.api.FieldError;
import org.vetting.api.OfficerRecord;
import org.vetting.errors.DomainException;
import org.vetting.errors.ValidationFailed;
import org.vetting.http.DomainExceptionMapper;
import org.vetting.http.JsonExceptionMapper;
import org.vetting.auth.User;
import org.vetting.http.AccessLogFilter;
import org.vetting.http.AccessLogged;
import org.vetting.evaluation.Evaluation;
import org.vetting.evaluation.EvaluationService;
import org.vetting.evaluation.EvaluationReads;
import org.vetting.common.Language;

/**
 * {@code POST /api/candidates}: a vetting officer submits a candidate's background record;
 * {@code /batch}: up to {@value #MAX_BATCH} records, each stored or refused on its own (its own
 * transaction, the status the single call would have answered).
 */
@Path("/candidates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CandidatesResource {
    static final int MAX_BATCH = 1_000;
    private final EvaluationService evaluations;
    private final EvaluationReads reads;
    private final ObjectMapper json;

    public CandidatesResource(EvaluationService evaluations, EvaluationReads reads, ObjectMapper json) {
        this.evaluations = evaluations;
        this.reads = reads;
        this.json = json;
    }

    @POST
    @RolesAllowed("VETTING_OFFICER")
    @AccessLogged
    public Response submit(@Parameter(hidden = true) @Auth User user, OfficerRecord record, @Context Language language,
                           @Context ContainerRequestContext request) {
        if (record != null) {
            AccessLogFilter.officer(request, record.officerId());
        }
        // the access-log entry is written in the submission's transaction (one commit for both)
        var read = AccessLogFilter.read(request, 201);
        Evaluation e = evaluations.submit(record, user, read);
        AccessLogFilter.written(request, read);
        return Response.created(URI.create("/api/evaluations/" + e.id()))
                .entity(reads.view(e, language))
                .build();
    }

    @POST
    @Path("/batch")
    @RolesAllowed("VETTING_OFFICER")
    @AccessLogged
    public BatchResult batch(@Parameter(hidden = true) @Auth User user, CandidateBatch batch) {
        if (batch == null || batch.records() == null || batch.records().isEmpty()) {
            throw ValidationFailed.of("records", "required: a list of 1 to " + MAX_BATCH + " officer records");
        }
        if (batch.records().size() > MAX_BATCH) {
            throw ValidationFailed.of("records", "at most " + MAX_BATCH + " records per call; got "
                    + batch.records().size());
        }
        List<BatchResult.Item> results = new ArrayList<>();
        for (int i = 0; i < batch.records().size(); i++) {
            JsonNode node = batch.records().get(i);
            String officerId = node != null && node.path("officerId").isTextual() ? node.get("officerId").asText() : null;
            try {
                Evaluation e = evaluations.submit(json.treeToValue(node, OfficerRecord.class), user);
                results.add(new BatchResult.Item(i, officerId, 201, e.id(), e.outcome().name(), null, null));
            } catch (JsonMappingException unreadable) {
                FieldError error = JsonExceptionMapper.fieldError(unreadable);
                results.add(new BatchResult.Item(i, officerId, 422, null, null, error.field() + ": " + error.message(),
                        List.of(error)));
            } catch (JsonProcessingException unreadable) {
                results.add(new BatchResult.Item(i, officerId, 422, null, null, "not an officer record", List.of()));
            } catch (DomainException refused) {
                results.add(new BatchResult.Item(i, officerId, DomainExceptionMapper.status(refused), null, null,
                        refused.getMessage(), refused.errors()));
            }
        }
        return new BatchResult(results);
    }
}
