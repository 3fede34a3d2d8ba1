package dbworkbook.part2.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;

import dbworkbook.common.PgStatStatements;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.part2.ServerStatementStatistics;
import dbworkbook.part2.ServerStatementStatistics.ServerStatement;
import dbworkbook.part2.StatementSummary;
import dbworkbook.part2.StatementTimingInterceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;

/**
 * Lessons 3 and 5: the same workload counted by the timing plugin and by the server ({@code pg_stat_statements}),
 * which must agree on every statement's count; and the plugin's slow-statement warnings, caught for the table.
 */
final class PluginAndServer implements Measurement<PluginAndServer.Result> {

    /** One statement id: the plugin's figures, and the server's where it has them (else null). */
    record Row(String statementId, String shortId, long count, double totalMs, double meanMs, double p95Ms,
               double maxMs, Long serverCalls, Double serverTotalMs, Double serverMeanMs, Long serverRows) {

        boolean agrees() {
            return serverCalls != null && serverCalls == count;
        }
    }

    /** {@code serverUnavailable}: why pg_stat_statements could not be read, or null. */
    record Result(String workload, String serverUnavailable, List<Row> rows, long slowThresholdMs,
                  List<String> slowStatementWarnings) {

        boolean allAgree() {
            return serverUnavailable == null && rows.stream().allMatch(Row::agrees);
        }
    }

    @Override
    public String title() {
        return "One workload, seen by the plugin and by the server";
    }

    @Override
    public Result measure(DemoContext context) throws SQLException {
        Workload workload = Workload.of(context.options());
        SqlSessionFactory factory = Part2Demo.mybatis(context.database().pooledDataSource("part2-plugin", 2));
        StatementTimingInterceptor plugin = StatementTimingInterceptor.of(factory);
        try (LogCapture warmUp = LogCapture.of(Level.WARN, StatementTimingInterceptor.class.getName())) {
            workload.run(factory); // once to warm up (JIT, caches, the driver's prepared statements): not counted
        }
        String unavailable;
        try (Connection connection = context.database().connect()) {
            unavailable = PgStatStatements.availability(connection);
            if (unavailable == null) {
                PgStatStatements.resetCurrentDatabase(connection);
            }
        }
        plugin.reset();
        List<String> warnings;
        try (LogCapture log = LogCapture.of(Level.WARN, StatementTimingInterceptor.class.getName())) {
            workload.run(factory);
            warnings = log.messages();
        }
        List<ServerStatement> server = List.of();
        if (unavailable == null) {
            try (Connection connection = context.database().connect()) {
                server = ServerStatementStatistics.currentDatabase(connection);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (StatementSummary statement : plugin.summaries()) {
            Optional<ServerStatement> seen = serverEntry(server, statement);
            rows.add(new Row(statement.statementId(), statement.shortId(), statement.count(),
                    statement.totalMillis(), statement.meanMillis(), statement.p95Millis(), statement.maxMillis(),
                    seen.map(ServerStatement::calls).orElse(null), seen.map(ServerStatement::totalMillis).orElse(null),
                    seen.map(ServerStatement::meanMillis).orElse(null), seen.map(ServerStatement::rows).orElse(null)));
        }
        return new Result(workload.description(), unavailable, rows, plugin.slowThreshold().toMillis(), warnings);
    }

    private static Optional<ServerStatement> serverEntry(List<ServerStatement> server, StatementSummary statement) {
        String text = ServerStatementStatistics.asServerText(statement.sql());
        return server.stream().filter(s -> s.query().equals(text)).findFirst();
    }

    @Override
    public Section present(Result result, DemoContext context) {
        boolean serverSeen = result.serverUnavailable() == null;
        Section.Builder section = Section.titled("One workload (" + result.workload() + "), largest total time "
                        + "first: the timing plugin and, beside it, pg_stat_statements")
                .table(Table.of("", result.rows())
                        .column("statement (plugin)", Row::shortId)
                        .column("count", row -> count(row.count()))
                        .column("total ms", row -> decimals(row.totalMs(), 1))
                        .column("mean ms", row -> decimals(row.meanMs(), 3))
                        .column("p95 ms", row -> decimals(row.p95Ms(), 3))
                        .column("max ms", row -> decimals(row.maxMs(), 3))
                        .column("server calls", row -> row.serverCalls() == null ? "-" : count(row.serverCalls()))
                        .column("server total ms", row -> row.serverTotalMs() == null ? "-"
                                : decimals(row.serverTotalMs(), 1))
                        .column("server mean ms", row -> row.serverMeanMs() == null ? "-"
                                : decimals(row.serverMeanMs(), 3))
                        .column("rows", row -> row.serverRows() == null ? "-" : count(row.serverRows()))
                        .column("agree", row -> !serverSeen ? "-" : row.agrees() ? "yes" : "NO")
                        .build());
        Row pluginTop = result.rows().get(0);
        if (!serverSeen) {
            section.reading("pg_stat_statements skipped: " + result.serverUnavailable() + ".");
        } else {
            section.reading("The plugin's counts and the server's calls " + (result.allAgree() ? "agree"
                    : "DO NOT agree") + " for every statement. The plugin's time includes the round trip and reading "
                    + "the rows into objects; the server's is execution only.");
            Row serverTop = result.rows().stream().filter(row -> row.serverTotalMs() != null)
                    .max(Comparator.comparingDouble(Row::serverTotalMs)).orElse(pluginTop);
            section.reading("Largest total in the plugin: " + pluginTop.shortId() + "; on the server: "
                    + serverTop.shortId() + (serverTop == pluginTop ? "." : ". The difference is the client's share "
                    + "(round trips, MyBatis building objects), which only the plugin sees."));
        }
        section.reading(result.slowStatementWarnings().isEmpty()
                ? "No statement took longer than the plugin's slow-statement threshold (" + result.slowThresholdMs()
                        + " ms), so it logged no warning."
                : "The plugin's slow-statement warnings during this workload (threshold " + result.slowThresholdMs()
                        + " ms), part of the lesson: in an application they go to the log at WARN, as below.");
        result.slowStatementWarnings().forEach(warning -> section.line("WARN  " + warning));
        return section.build();
    }
}
