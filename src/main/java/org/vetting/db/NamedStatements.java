package org.vetting.db;

import java.util.Optional;
import java.util.function.Function;

import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * Jdbi's template engine ({@code <countries>} for bound lists) with each statement prefixed by the
 * DAO method that runs it ({@code /* ClearanceDao.lock *}{@code /}), as Dropwizard's
 * {@code NamePrependingTemplateEngine} does for the database's own logs — but parsed once per
 * statement and cached by Jdbi: Dropwizard's wrapper is not a {@link TemplateEngine.Parsing}
 * engine, so Jdbi parsed every statement's template again on every execution (a twentieth of a
 * submission's CPU, docs/performance.md).
 */
public final class NamedStatements implements TemplateEngine.Parsing {
    private final DefinedAttributeTemplateEngine templates = new DefinedAttributeTemplateEngine();

    @Override
    public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        return templates.parse(template, config).map(render -> ctx -> named(ctx, render.apply(ctx)));
    }

    private static String named(StatementContext ctx, String sql) {
        ExtensionMethod method = ctx.getExtensionMethod();
        if (method == null) {
            return sql;
        }
        return "/* " + method.getType().getSimpleName() + "." + method.getMethod().getName() + " */ " + sql;
    }
}
