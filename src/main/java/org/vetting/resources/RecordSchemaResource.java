package org.vetting.resources;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.vetting.api.RecordSchema;
import org.vetting.api.Role;
import org.vetting.clearance.ClearanceStatus;
import org.vetting.rules.Outcome;

/** The record schema the web interface builds its forms from: no officer's data, so every role may read it. */
@Path("/record-schema")
@Produces(MediaType.APPLICATION_JSON)
public class RecordSchemaResource {
    private static final RecordSchema SCHEMA = RecordSchema.of(enums());

    @GET
    @RolesAllowed({"VETTING_OFFICER", "ADJUDICATOR", "COMMANDER", "AUDITOR", "POLICY_OFFICER", "ADMIN", "APPEALS_BOARD"})
    public RecordSchema schema() {
        return SCHEMA;
    }

    private static Map<String, List<String>> enums() {
        Map<String, List<String>> enums = new LinkedHashMap<>();
        enums.put("outcome", names(Outcome.values()));
        enums.put("clearanceStatus", names(ClearanceStatus.values()));
        enums.put("role", names(Role.values()));
        return enums;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
