package dbworkbook.part3.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.RoundTrips;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.domain.Car;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part3.NewCars;
import dbworkbook.part3.Part3;
import dbworkbook.part3.ServerStatementStatistics;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;

/**
 * Lessons 1 and 2: inserts with SIMPLE, REUSE, BATCH and BATCH with {@code reWriteBatchedInserts}. Counted once:
 * statements MyBatis prepared (its log), JDBC executions (the statement recorder), INSERTs the server executed
 * ({@code pg_stat_statements}, where available). Timed directly and through the delay relay, interleaved; each run
 * is rolled back.
 */
final class ExecutorTypes implements Measurement<ExecutorTypes.Result> {

    /** {@code insertsOnServer} is null where pg_stat_statements is not available. */
    record Row(InsertSetup setup, String label, long prepared, long jdbcExecutions, Long insertsOnServer,
               double directMs, double relayedMs, double directToSimple, double relayedToSimple) {
    }

    record Result(int rowsCounted, int rowsTimed, double relaySetToAddMs, double roundTripAddedMs,
                  String serverUnavailable, List<Row> rows) {

        Row of(InsertSetup setup) {
            return rows.stream().filter(row -> row.setup() == setup).findFirst().orElseThrow();
        }
    }

    private record Timed(InsertSetup setup, boolean relayed) {
    }

    @Override
    public String title() {
        return "Executor types";
    }

    @Override
    public Result measure(DemoContext context) throws SQLException {
        int rows = context.options().scaled(context.options().get(Part3Demo.ROWS));
        int timedRows = context.options().scaled(context.options().get(Part3Demo.TIMED_ROWS));
        InetSocketAddress relay = context.relay(context.options().roundTrip()).address();
        String unavailable = ServerStatementStatistics.availability(context.database());
        Map<InsertSetup, long[]> counts = new LinkedHashMap<>();
        Map<Timed, Runnable> work = new LinkedHashMap<>();
        List<Car> timedCars = NewCars.of(timedRows, 1, "demo");
        for (InsertSetup setup : InsertSetup.values()) {
            DataSource pool = setup.pool(context.database(), null, "executor");
            StatementRecorder recorder = new StatementRecorder();
            SqlSessionFactory counted = MyBatisBootstrap.sqlSessionFactory(recorder.record(pool), Part3.MYBATIS_CONFIG);
            if (unavailable == null) {
                ServerStatementStatistics.reset(context.database());
            }
            long prepared;
            try (LogCapture log = LogCapture.of(Level.DEBUG, "dbworkbook.part3.CarMapper")) {
                setup.insertAndRollBack(counted, NewCars.of(rows, 1, "demo"));
                prepared = log.messages().stream().filter(line -> line.contains("Preparing:")).count();
            }
            long onServer = unavailable == null
                    ? ServerStatementStatistics.executionsOf(context.database(), "INSERT INTO car") : -1;
            counts.put(setup, new long[] {prepared, recorder.count(), onServer});
            SqlSessionFactory direct = MyBatisBootstrap.sqlSessionFactory(pool, Part3.MYBATIS_CONFIG);
            SqlSessionFactory far = MyBatisBootstrap.sqlSessionFactory(setup.pool(context.database(), relay,
                    "executor-relayed"), Part3.MYBATIS_CONFIG);
            work.put(new Timed(setup, false), () -> setup.insertAndRollBack(direct, timedCars));
            work.put(new Timed(setup, true), () -> setup.insertAndRollBack(far, timedCars));
        }
        RoundTrips.Measured link = RoundTrips.measure(context.database().pooledDataSource("part3-select-1", 1),
                context.database().pooledDataSourceThrough(relay, "part3-select-1-relayed", 1), context.options()
                        .minWarmup());
        Map<Timed, Timing.Sample> samples = context.timeInterleaved(work);
        double simple = samples.get(new Timed(InsertSetup.SIMPLE, false)).medianMillis();
        double simpleRelayed = samples.get(new Timed(InsertSetup.SIMPLE, true)).medianMillis();
        List<Row> result = new ArrayList<>();
        counts.forEach((setup, c) -> {
            double directMs = samples.get(new Timed(setup, false)).medianMillis();
            double relayedMs = samples.get(new Timed(setup, true)).medianMillis();
            result.add(new Row(setup, setup.label(), c[0], c[1], c[2] < 0 ? null : c[2], directMs, relayedMs,
                    directMs / simple, relayedMs / simpleRelayed));
        });
        return new Result(rows, timedRows, context.options().roundTrip().toNanos() / 1e6, link.addedMillis(),
                unavailable, result);
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Row simple = result.of(InsertSetup.SIMPLE);
        Row rewritten = result.of(InsertSetup.BATCH_REWRITTEN);
        return Section.titled("Executor types: " + count(result.rowsCounted()) + " inserts counted, "
                        + count(result.rowsTimed()) + " inserts timed (each run rolled back)")
                .table(Table.of("", result.rows())
                        .column("executor", Row::label)
                        .column("prepared (log)", row -> count(row.prepared()))
                        .column("JDBC executions", row -> count(row.jdbcExecutions()))
                        .column("INSERTs on server", row -> row.insertsOnServer() == null ? "skipped"
                                : count(row.insertsOnServer()))
                        .column("median ms", row -> decimals(row.directMs(), 1))
                        .column("x SIMPLE", row -> times(row.directToSimple(), 2))
                        .column("relayed ms", row -> decimals(row.relayedMs(), 1))
                        .column("x SIMPLE relayed", row -> times(row.relayedToSimple(), 2))
                        .build())
                .reading("A round trip (SELECT 1) takes " + decimals(result.roundTripAddedMs(), 2) + " ms longer "
                        + "through the relay set to add " + decimals(result.relaySetToAddMs(), 2) + " ms. An insert "
                        + "that waits for its answer pays it every time: SIMPLE took " + decimals(simple.relayedMs(), 0)
                        + " ms relayed for " + count(result.rowsTimed()) + " rows; a batch does not wait per row: "
                        + "BATCH with rewriting took " + decimals(rewritten.relayedMs(), 1) + " ms.")
                .reading(result.serverUnavailable() == null
                        ? "The driver's rewriting turned " + count(result.rowsCounted()) + " inserts into "
                                + count(rewritten.insertsOnServer()) + " multi-row INSERTs on the server."
                        : "Server-side INSERT counts skipped: " + result.serverUnavailable() + ".")
                .build();
    }
}
