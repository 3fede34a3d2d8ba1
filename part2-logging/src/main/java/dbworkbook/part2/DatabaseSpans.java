package dbworkbook.part2;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.DbAttributes;
import java.util.Optional;

/**
 * What a span of the JDBC instrumentation says, read the same way whichever version of OpenTelemetry's semantic
 * conventions for databases it follows (lesson 8).
 *
 * <p>The attribute names changed when the database conventions became stable (semantic conventions 1.26 onwards):
 * the SQL moved from {@code db.statement} to {@code db.query.text}, the kind of database from {@code db.system} to
 * {@code db.system.name}. {@code opentelemetry-jdbc} 2.31 still emits the old names by default; it emits the new ones
 * with {@code -Dotel.semconv-stability.opt-in=database} (both with {@code database/dup}) or with
 * {@code -Dotel.instrumentation.common.v3-preview=true}, a preview of its next major version. Code that reads one name
 * only breaks silently on the day the default changes: it finds no SQL. So read both, the stable name first.
 * ({@code StatementTracingTest} says which one this version emits.)
 */
public final class DatabaseSpans {

    /** The SQL of a statement span, stable conventions. */
    public static final AttributeKey<String> QUERY_TEXT = DbAttributes.DB_QUERY_TEXT;
    /** The kind of database ({@code postgresql}), stable conventions. */
    public static final AttributeKey<String> SYSTEM_NAME = DbAttributes.DB_SYSTEM_NAME;
    /** The SQL, conventions before 1.26 (now only in {@code opentelemetry-semconv-incubating}, deprecated). */
    public static final AttributeKey<String> STATEMENT = AttributeKey.stringKey("db.statement");
    /** The kind of database, conventions before 1.26. */
    public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system");

    /** The instrumentation scope of {@code opentelemetry-jdbc}'s spans. */
    public static final String JDBC_SCOPE = "io.opentelemetry.jdbc";

    private DatabaseSpans() {
    }

    /** The SQL of a statement span; empty for any other span. */
    public static Optional<String> statementText(SpanData span) {
        return Optional.ofNullable(span.getAttributes().get(QUERY_TEXT))
                .or(() -> Optional.ofNullable(span.getAttributes().get(STATEMENT)));
    }

    /** Where a statement span holds its SQL: {@code db.query.text} or {@code db.statement}. */
    public static Optional<String> statementTextAttribute(SpanData span) {
        return span.getAttributes().get(QUERY_TEXT) != null ? Optional.of(QUERY_TEXT.getKey())
                : span.getAttributes().get(STATEMENT) != null ? Optional.of(STATEMENT.getKey()) : Optional.empty();
    }

    /** The kind of database the span talked to, e.g. {@code postgresql}. */
    public static Optional<String> databaseSystem(SpanData span) {
        return Optional.ofNullable(span.getAttributes().get(SYSTEM_NAME))
                .or(() -> Optional.ofNullable(span.getAttributes().get(SYSTEM)));
    }

    /** A statement sent to the database: a span that carries SQL. */
    public static boolean isStatement(SpanData span) {
        return statementText(span).isPresent();
    }

    /**
     * A {@code DataSource.getConnection()} (named after the wrapped class, e.g.
     * {@code HikariDataSource.getConnection}): borrowing a connection, not a statement. Counted with the statements,
     * it would make an N+1 of 1 + N statements look like 2 + N, and a JOIN like two statements.
     */
    public static boolean isConnection(SpanData span) {
        return span.getInstrumentationScopeInfo().getName().equals(JDBC_SCOPE) && !isStatement(span)
                && span.getName().endsWith(".getConnection");
    }
}
