package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part1.demo.Strategy.Connections;
import dbworkbook.part1.demo.Strategy.Loaded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lessons 1 to 4 side by side: every strategy loads every dealership with its cars, counted once through the
 * statement recorder (statements, rows read), and timed without it (its bookkeeping is not in the times), directly
 * and through the delay relay, all interleaved.
 */
final class LoadingStrategies implements Measurement<LoadingStrategies.Result> {

    /** What one strategy cost. */
    record Row(Strategy strategy, String label, int statements, long rowsRead, double directMs, double relayedMs,
               double directToJoin, double relayedToJoin) {
    }

    record Result(Scale scale, double relaySetToAddMs, int runs, List<Row> rows) {

        Row of(Strategy strategy) {
            return rows.stream().filter(row -> row.strategy() == strategy).findFirst().orElseThrow();
        }
    }

    private record Timed(Strategy strategy, boolean relayed) {
    }

    @Override
    public String title() {
        return "Loading every dealership with its cars";
    }

    @Override
    public Result measure(DemoContext context) {
        Scale scale = Part1Demo.scale(context.options());
        Loaded expected = new Loaded(scale.dealerships(), scale.cars(), 0);
        StatementRecorder recorder = new StatementRecorder();
        Connections counted = Connections.over(recorder.record(context.database().pooledDataSource("part1-counted", 4)));
        Connections direct = Connections.over(context.database().pooledDataSource("part1-direct", 4));
        Connections relayed = Connections.over(context.database().pooledDataSourceThrough(
                context.relay(context.options().roundTrip()).address(), "part1-relayed", 4));
        List<Strategy> strategies = Arrays.asList(Strategy.values());
        Map<Strategy, int[]> counts = new LinkedHashMap<>();
        Map<Strategy, long[]> rows = new LinkedHashMap<>();
        Strategy.work(strategies, counted, expected).forEach((strategy, work) -> {
            recorder.reset();
            work.run();
            counts.put(strategy, new int[] {recorder.count()});
            rows.put(strategy, new long[] {recorder.rowsRead()});
        });
        Map<Timed, Runnable> work = new LinkedHashMap<>();
        Strategy.work(strategies, direct, expected).forEach((s, run) -> work.put(new Timed(s, false), run));
        Strategy.work(strategies, relayed, expected).forEach((s, run) -> work.put(new Timed(s, true), run));
        Map<Timed, Timing.Sample> samples = context.timeInterleaved(work);
        double joinDirect = samples.get(new Timed(Strategy.NESTED_RESULT_MAP, false)).medianMillis();
        double joinRelayed = samples.get(new Timed(Strategy.NESTED_RESULT_MAP, true)).medianMillis();
        List<Row> result = new ArrayList<>();
        for (Strategy strategy : strategies) {
            double directMs = samples.get(new Timed(strategy, false)).medianMillis();
            double relayedMs = samples.get(new Timed(strategy, true)).medianMillis();
            result.add(new Row(strategy, strategy.label(), counts.get(strategy)[0], rows.get(strategy)[0], directMs,
                    relayedMs, directMs / joinDirect, relayedMs / joinRelayed));
        }
        return new Result(scale, context.options().roundTrip().toNanos() / 1e6, context.options().runs(), result);
    }

    @Override
    public Section present(Result result, DemoContext context) {
        String far = "+" + decimals(result.relaySetToAddMs(), 2) + " ms";
        Row nPlusOne = result.of(Strategy.NESTED_SELECT);
        Row lazy = result.of(Strategy.LAZY_NESTED_SELECT);
        Row join = result.of(Strategy.NESTED_RESULT_MAP);
        Row selectIn = result.of(Strategy.SELECT_IN);
        Row jdbc = result.of(Strategy.PLAIN_JDBC);
        List<String> labels = result.rows().stream().map(Row::label).toList();
        List<Chart.Point> direct = new ArrayList<>();
        List<Chart.Point> relayed = new ArrayList<>();
        for (int i = 0; i < result.rows().size(); i++) {
            direct.add(Chart.Point.of(i, result.rows().get(i).directMs()));
            relayed.add(Chart.Point.of(i, result.rows().get(i).relayedMs()));
        }
        return Section.titled(title() + " (" + count(result.scale().dealerships()) + " dealerships x "
                        + count(result.scale().carsPerDealership()) + " cars; median ms directly, and through the "
                        + "delay relay)")
                .table(Table.of("", result.rows())
                        .column("strategy", Row::label)
                        .column("statements", row -> count(row.statements()))
                        .column("rows read", row -> count(row.rowsRead()))
                        .column("median ms", row -> decimals(row.directMs(), 1))
                        .column("x JOIN", row -> times(row.directToJoin(), 1))
                        .column(far + " link", row -> decimals(row.relayedMs(), 1))
                        .column("x JOIN", row -> times(row.relayedToJoin(), 1))
                        .build())
                .chart(Chart.titled("Every strategy, directly and " + far + " away")
                        .x("strategy", "", false).y("median time", "ms", true).categories(labels).bars()
                        .series("directly", direct).series(far + " round trip", relayed)
                        .reading("N+1 ran " + count(nPlusOne.statements()) + " statements and took "
                                + times(nPlusOne.directToJoin(), 1) + " the JOIN's time directly, "
                                + times(nPlusOne.relayedToJoin(), 1) + " with the server " + far + " away; the JOIN's "
                                + "bar hardly moves. The time axis is logarithmic."))
                .reading("N+1 ran " + count(nPlusOne.statements()) + " statements, the JOIN " + count(join.statements())
                        + ". On this machine N+1 took " + times(nPlusOne.directToJoin(), 1) + " as long as the JOIN; "
                        + "with the database " + far + " away, " + times(nPlusOne.relayedToJoin(), 1) + ".")
                .reading("Made lazy, it still ran " + count(lazy.statements()) + ": the selects only move to where "
                        + "getCars() is first touched. Select-in batches ran " + count(selectIn.statements())
                        + " statements. MyBatis' nested result map took " + times(join.directMs() / jdbc.directMs(), 1)
                        + " the time of plain JDBC over the same JOIN: the price of mapping rows to objects.")
                .build();
    }
}
