package dbworkbook.part2.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;

import dbworkbook.common.PgStatStatements;
import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Percentiles;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.part2.StatementTimingInterceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;

/**
 * How the workload's statement times are spread: every execution's time as the plugin measured it (round trip and
 * mapping included), and as the server spent it (execution only), at the same percentiles. The server's times come
 * from a run of their own (see {@link ServerExecutionTimes}): reading them slows the client down.
 */
final class StatementTimeDistribution implements Measurement<StatementTimeDistribution.Result> {

    private static final double[] PERCENTILES = {1, 10, 25, 50, 75, 90, 95, 99, 99.9, 100};

    /** {@code serverMs} is null when the server's times could not be read. */
    record Quantile(double percentile, String name, double pluginMs, Double serverMs) {
    }

    record Result(String workload, int pluginExecutions, int serverExecutions, String serverUnavailable,
                  List<Quantile> quantiles) {

        Quantile at(double percentile) {
            return quantiles.stream().filter(q -> q.percentile() == percentile).findFirst().orElseThrow();
        }
    }

    @Override
    public String title() {
        return "How the statement times are spread";
    }

    @Override
    public Result measure(DemoContext context) throws SQLException {
        Workload workload = Workload.of(context.options());
        DataSource pool = context.database().pooledDataSource("part2-spread", 2);
        SqlSessionFactory factory = Part2Demo.mybatis(pool);
        StatementTimingInterceptor plugin = StatementTimingInterceptor.of(factory);
        long[] client;
        long[] server = new long[0];
        String unavailable;
        // The slow-statement warnings of these runs were shown with the table before: not again.
        try (LogCapture quiet = LogCapture.of(Level.WARN, StatementTimingInterceptor.class.getName());
             Connection statistics = context.database().connect()) {
            workload.run(factory);
            plugin.reset();
            workload.run(factory);
            client = plugin.allDurations();
            unavailable = PgStatStatements.availability(statistics);
            if (unavailable == null) {
                context.progress("the server's time of each execution (one more query after each)");
                PgStatStatements.resetCurrentDatabase(statistics);
                ServerExecutionTimes times = ServerExecutionTimes.readingOn(statistics);
                workload.run(Part2Demo.mybatis(times.wrap(pool)));
                server = times.executionsMs().stream().mapToLong(ms -> Math.round(ms * 1e6)).toArray();
            }
        }
        Percentiles pluginTimes = Percentiles.of(client);
        Percentiles serverTimes = Percentiles.of(server);
        List<Quantile> quantiles = new ArrayList<>();
        for (double p : PERCENTILES) {
            quantiles.add(new Quantile(p, p == 100 ? "max" : "p" + decimals(p, p % 1 == 0 ? 0 : 1),
                    pluginTimes.millis(p / 100), unavailable == null ? serverTimes.millis(p / 100) : null));
        }
        return new Result(workload.description(), client.length, server.length, unavailable, quantiles);
    }

    @Override
    public Section present(Result result, DemoContext context) {
        boolean serverSeen = result.serverUnavailable() == null;
        List<Chart.Point> plugin = new ArrayList<>();
        List<Chart.Point> server = new ArrayList<>();
        for (int i = 0; i < result.quantiles().size(); i++) {
            Quantile q = result.quantiles().get(i);
            plugin.add(Chart.Point.of(i, q.pluginMs()));
            if (serverSeen && q.serverMs() > 0) { // a logarithmic axis has no place for 0
                server.add(Chart.Point.of(i, q.serverMs()));
            }
        }
        Quantile median = result.at(50);
        Quantile p99 = result.at(99);
        String reading = serverSeen
                ? "Half the " + count(result.pluginExecutions()) + " executions took at most "
                        + decimals(median.pluginMs(), 3) + " ms as the plugin saw them, and "
                        + decimals(median.serverMs(), 3) + " ms of the server's time: the rest of the plugin's is the "
                        + "round trip and building objects. At p99: " + decimals(p99.pluginMs(), 3) + " ms against "
                        + decimals(p99.serverMs(), 3) + " ms. The time axis is logarithmic."
                : "Half the " + count(result.pluginExecutions()) + " executions took at most "
                        + decimals(median.pluginMs(), 3) + " ms as the plugin saw them, 1% more than "
                        + decimals(p99.pluginMs(), 3) + " ms. (The server's side needs pg_stat_statements: "
                        + result.serverUnavailable() + ".)";
        Chart.Builder chart = Chart.titled("Statement times at each percentile")
                .x("percentile of the executions", "", false).y("time", "ms", true)
                .categories(result.quantiles().stream().map(Quantile::name).toList())
                .series("timing plugin (client)", plugin);
        if (serverSeen) {
            chart.series("pg_stat_statements (server)", server);
        }
        return Section.titled(title() + " (" + result.workload() + ")")
                .table(Table.of("", result.quantiles())
                        .column("percentile", Quantile::name)
                        .column("plugin ms", q -> decimals(q.pluginMs(), 3))
                        .column("server ms", q -> q.serverMs() == null ? "-" : decimals(q.serverMs(), 3))
                        .build())
                .chart(chart.reading(reading))
                .reading(reading)
                .build();
    }
}
