package dbworkbook.common.recorder;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One execution of a JDBC statement, as the driver saw it: the SQL text, the bound parameters (one list per batch
 * entry), the rows read from its result, the time the execute call took and the thread that ran it.
 */
public final class RecordedStatement {

    private final String sql;
    private final List<List<Object>> parameters;
    private final long executeNanos;
    private final String thread;
    private final int batchSize;
    private final AtomicLong rowsRead = new AtomicLong();

    RecordedStatement(String sql, List<List<Object>> parameters, long executeNanos, String thread, int batchSize) {
        this.sql = sql;
        this.parameters = parameters;
        this.executeNanos = executeNanos;
        this.thread = thread;
        this.batchSize = batchSize;
    }

    public String sql() {
        return sql;
    }

    /** The SQL with runs of white space folded to one space: MyBatis keeps the XML's line breaks. */
    public String normalizedSql() {
        return sql.strip().replaceAll("\\s+", " ");
    }

    /** The parameters of the first (for a plain statement: the only) execution. */
    public List<Object> parameters() {
        return parameters.isEmpty() ? List.of() : parameters.get(0);
    }

    /** One parameter list per entry of a JDBC batch. */
    public List<List<Object>> batchParameters() {
        return parameters;
    }

    /** 0 for a plain execution, else the number of entries sent in the batch. */
    public int batchSize() {
        return batchSize;
    }

    /** Rows the application read with {@code ResultSet.next()}: the cost a cartesian product hides. */
    public long rowsRead() {
        return rowsRead.get();
    }

    /** Time spent in the execute call (for PgJDBC that includes receiving the result rows). */
    public long executeNanos() {
        return executeNanos;
    }

    public String thread() {
        return thread;
    }

    void countRow() {
        rowsRead.incrementAndGet();
    }

    @Override
    public String toString() {
        return normalizedSql() + (parameters.isEmpty() || parameters().isEmpty() ? "" : " " + parameters())
                + (batchSize > 0 ? " (batch of " + batchSize + ")" : "") + " -> " + rowsRead() + " rows";
    }
}
