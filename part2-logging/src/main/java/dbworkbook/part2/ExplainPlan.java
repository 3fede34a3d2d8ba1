package dbworkbook.part2;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.SqlSession;

/**
 * Lesson 6: the plan PostgreSQL chose for a mapped statement, run for real: {@code EXPLAIN (ANALYZE, BUFFERS)} with
 * the statement's exact SQL and parameters. Both come from MyBatis: the {@link BoundSql} is the SQL MyBatis would
 * send for this parameter object (dynamic SQL already expanded), and MyBatis' own {@link DefaultParameterHandler}
 * binds the values as it would, type handlers and all. So the plan is the plan of what the application runs, not of
 * a query retyped by hand into psql with the values pasted in (which can plan differently).
 *
 * <p>ANALYZE executes the statement: fine for a SELECT; wrap an UPDATE or DELETE in a transaction and roll it back.
 */
public record ExplainPlan(List<String> lines) {

    private static final Pattern EXECUTION_TIME = Pattern.compile("Execution Time: ([0-9.]+) ms");
    private static final Pattern SHARED_PAGES = Pattern.compile("(?:shared )?(?:hit|read)=(\\d+)");
    private static final Pattern INDEX_NODE = Pattern.compile("(Index Scan|Index Only Scan|Bitmap Index Scan)");

    /** Explains mapped statement {@code statementId} with {@code parameter}, on the session's connection. */
    public static ExplainPlan of(SqlSession session, String statementId, Object parameter) throws SQLException {
        MappedStatement statement = session.getConfiguration().getMappedStatement(statementId);
        BoundSql boundSql = statement.getBoundSql(parameter);
        Connection connection = session.getConnection();
        try (PreparedStatement explain = connection.prepareStatement(
                "EXPLAIN (ANALYZE, BUFFERS) " + boundSql.getSql())) {
            new DefaultParameterHandler(statement, parameter, boundSql).setParameters(explain);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return new ExplainPlan(lines);
        }
    }

    /** The plan's top node, e.g. {@code Sort  (cost=...) (actual time=...)}. */
    public String topNode() {
        return lines.get(0).trim();
    }

    /** True if a node reads the whole table {@code table}. */
    public boolean scansSequentially(String table) {
        return lines.stream().anyMatch(line -> line.contains("Seq Scan on " + table));
    }

    /** True if a node reads through an index: an index scan, an index-only scan or a bitmap index scan. */
    public boolean usesAnIndex() {
        return lines.stream().anyMatch(line -> INDEX_NODE.matcher(line).find());
    }

    /** True if a node reads through the index called {@code indexName}. */
    public boolean usesIndex(String indexName) {
        return lines.stream().anyMatch(line -> INDEX_NODE.matcher(line).find() && line.contains(" " + indexName));
    }

    /** The lines that say how the table was read: its scan nodes, without timings and costs. */
    public List<String> scanNodes() {
        List<String> scans = new ArrayList<>();
        for (String line : lines) {
            if (line.contains(" Scan ")) {
                scans.add(line.replaceAll("\\s*\\(cost=.*$", "").replace("->", "").trim());
            }
        }
        return scans;
    }

    /** The top node's buffer counts, e.g. {@code shared hit=637}: the 8 kB pages the statement touched. */
    public String buffers() {
        return lines.stream().filter(line -> line.trim().startsWith("Buffers:")).findFirst()
                .map(line -> line.trim().substring("Buffers:".length()).trim()).orElse("");
    }

    /** How many 8 kB pages the statement touched in all: the top node's shared hits and reads. */
    public long pagesTouched() {
        Matcher matcher = SHARED_PAGES.matcher(buffers());
        long pages = 0;
        while (matcher.find()) {
            pages += Long.parseLong(matcher.group(1));
        }
        return pages;
    }

    /** The server's own time for executing the statement, as EXPLAIN ANALYZE reports it. */
    public double executionMillis() {
        for (String line : lines) {
            Matcher matcher = EXECUTION_TIME.matcher(line);
            if (matcher.find()) {
                return Double.parseDouble(matcher.group(1));
            }
        }
        throw new IllegalStateException("No 'Execution Time' in the plan: " + lines);
    }

    @Override
    public String toString() {
        return String.join(System.lineSeparator(), lines);
    }
}
