package org.vetting.http;

import java.sql.SQLException;
import java.util.UUID;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jdbi.v3.core.statement.StatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.api.ErrorBody;
import org.vetting.errors.DomainException;

/** A server fault: logged in full with a reference; the client gets the reference, never a stack trace. */
public class CatchAllExceptionMapper implements ExceptionMapper<Throwable> {
    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CatchAllExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        var wrapped = DomainException.causeOf(e);
        if (wrapped.isPresent()) {
            return new DomainExceptionMapper().toResponse(wrapped.get());
        }
        String reference = UUID.randomUUID().toString();
        if (e instanceof StatementException) {
            // the messages carry the statement's bound values (record contents): logged are the kind and SQL state
            SQLException sql = sqlCause(e);
            LOG.error("database error, reference {}: {} (SQL state {}, vendor code {}); values withheld", reference,
                    rootCause(e).getClass().getName(), sql == null ? "?" : sql.getSQLState(),
                    sql == null ? "?" : sql.getErrorCode());
        } else {
            LOG.error("unhandled error, reference {}", reference, e);
        }
        return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(500, "internal error, reference " + reference)).build();
    }
}
