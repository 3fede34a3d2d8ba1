package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Table;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.part1.demo.Strategy.Connections;
import dbworkbook.part1.demo.Strategy.Loaded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * What the three sweeps share: timing the swept strategies at one point, and turning the points into a table, a
 * chart's series, and the sentence that says where N+1 and the JOIN cross.
 */
final class Sweeps {

    private Sweeps() {
    }

    /** One strategy's median at one point of a sweep ({@code x}), directly or through the relay. */
    record SweepPoint(double x, Strategy strategy, boolean relayed, double medianMs, int runs) {
    }

    /** Times the swept strategies at {@code x} (see {@link DemoContext#timeSweepPoint}). */
    static List<SweepPoint> time(DemoContext context, double x, boolean relayed, Connections connections,
                                 Loaded expected, int runs) {
        List<SweepPoint> points = new ArrayList<>();
        context.timeSweepPoint(Strategy.work(Strategy.SWEPT, connections, expected), runs).forEach((strategy, sample)
                -> points.add(new SweepPoint(x, strategy, relayed, sample.medianMillis(), sample.runs())));
        return points;
    }

    /**
     * Loads {@code scale} into a database of its own, times the swept strategies on it directly and through the
     * chapter's relay, and drops it.
     */
    static List<SweepPoint> timeOnNewData(DemoContext context, double x, Scale scale, int runs) {
        try (WorkbookDatabase database = context.newDatabase("part1-sweep")) {
            DataGenerator.populate(database.unpooledDataSource(), scale);
            Loaded expected = new Loaded(scale.dealerships(), scale.cars(), 0);
            List<SweepPoint> points = new ArrayList<>(time(context, x, false,
                    Connections.over(database.pooledDataSource("part1-sweep-direct", 4)), expected, runs));
            points.addAll(time(context, x, true, Connections.over(database.pooledDataSourceThrough(
                    context.relay(context.options().roundTrip()).address(), "part1-sweep-relayed", 4)),
                    expected, runs));
            return points;
        }
    }

    /** 1, 3, 10, 30, 100, ... from {@code from} up to {@code max}, and {@code max} itself. */
    static List<Integer> oneThreeTen(int from, int max) {
        List<Integer> values = new ArrayList<>();
        for (long decade = 1; decade <= max; decade *= 10) {
            for (long value : new long[] {decade, 3 * decade}) {
                if (value >= from && value <= max) {
                    values.add((int) value);
                }
            }
        }
        if (values.isEmpty() || values.get(values.size() - 1) != max) {
            values.add(max);
        }
        return values;
    }

    /** How many runs each point's time is the median of. */
    static String runsNote(List<SweepPoint> points) {
        int most = points.stream().mapToInt(SweepPoint::runs).max().orElse(0);
        long once = points.stream().filter(p -> p.runs() == 1).count();
        return "Each time is the median of " + most + " runs" + (once > 0 && most > 1 ? ", except " + once
                + " that ran once because their first run took over " + DemoContext.ONE_RUN_IF_LONGER.toMillis() + " ms."
                : ".");
    }

    /** The median of {@code strategy} at {@code x}. */
    static double at(List<SweepPoint> points, double x, Strategy strategy, boolean relayed) {
        return points.stream().filter(p -> p.x() == x && p.strategy() == strategy && p.relayed() == relayed)
                .findFirst().orElseThrow().medianMs();
    }

    static List<Double> xs(List<SweepPoint> points, boolean relayed) {
        return points.stream().filter(p -> p.relayed() == relayed).map(SweepPoint::x).distinct().sorted().toList();
    }

    /** One line per swept strategy; dashed for the points through the relay. */
    static Chart.Builder series(Chart.Builder chart, List<SweepPoint> points, boolean relayed, String suffix) {
        for (Strategy strategy : Strategy.SWEPT) {
            List<Chart.Point> line = points.stream()
                    .filter(p -> p.strategy() == strategy && p.relayed() == relayed)
                    .map(p -> Chart.Point.of(p.x(), p.medianMs())).toList();
            if (relayed) {
                chart.dashedSeries(strategy.label() + suffix, line);
            } else {
                chart.series(strategy.label() + suffix, line);
            }
        }
        return chart;
    }

    /**
     * A row per point: {@code x}, how it was connected (if {@code byConnection}: the sweep ran both ways), then each
     * swept strategy's median.
     */
    static Table table(String title, List<SweepPoint> points, String xHeader, DoubleFunction<String> xLabel,
                       boolean byConnection) {
        record Row(double x, boolean relayed) {
        }
        List<Row> rows = new ArrayList<>();
        for (boolean relayed : new boolean[] {false, true}) {
            xs(points, relayed).forEach(x -> rows.add(new Row(x, relayed)));
        }
        Table.Builder<Row> table = Table.of(title, rows).column(xHeader, row -> xLabel.apply(row.x()));
        if (byConnection) {
            table.column("connection", row -> row.relayed() ? "relay" : "direct");
        }
        for (Strategy strategy : Strategy.SWEPT) {
            table.column(strategy.label() + " ms", row -> decimals(at(points, row.x(), strategy, row.relayed()), 1));
        }
        return table.column("N+1 / JOIN", row -> times(at(points, row.x(), Strategy.NESTED_SELECT, row.relayed())
                / at(points, row.x(), Strategy.NESTED_RESULT_MAP, row.relayed()), 1)).build();
    }

    /**
     * Where N+1 and the nested result map (the JOIN) cross: the points where N+1 was faster and those where it was
     * slower, with the ratio at the smallest and largest point.
     */
    static String crossing(List<SweepPoint> points, boolean relayed, DoubleFunction<String> xLabel) {
        List<Double> xs = xs(points, relayed);
        List<Double> ratios = xs.stream().map(x -> at(points, x, Strategy.NESTED_SELECT, relayed)
                / at(points, x, Strategy.NESTED_RESULT_MAP, relayed)).toList();
        String ends = " (N+1 / JOIN: " + times(ratios.get(0), 1) + " at " + xLabel.apply(xs.get(0)) + ", "
                + times(ratios.get(ratios.size() - 1), 1) + " at " + xLabel.apply(xs.get(xs.size() - 1)) + ")";
        List<String> faster = ranges(xs, ratios, true, xLabel);
        List<String> slower = ranges(xs, ratios, false, xLabel);
        if (faster.isEmpty()) {
            return "N+1 was slower than the JOIN at every point" + ends;
        }
        if (slower.isEmpty()) {
            return "N+1 was faster than the JOIN at every point" + ends;
        }
        return "N+1 was faster than the JOIN at " + String.join(" and ", faster) + ", slower at "
                + String.join(" and ", slower) + ends + (faster.size() + slower.size() > 2
                ? "; they crossed more than once, close enough for the noise to decide" : "");
    }

    /** The runs of consecutive points where N+1 was faster (or slower): "10 dealerships", "300 to 3,000 ...". */
    private static List<String> ranges(List<Double> xs, List<Double> ratios, boolean faster,
                                       DoubleFunction<String> xLabel) {
        List<String> ranges = new ArrayList<>();
        int i = 0;
        while (i < xs.size()) {
            if ((ratios.get(i) < 1) != faster) {
                i++;
                continue;
            }
            int from = i;
            while (i + 1 < xs.size() && (ratios.get(i + 1) < 1) == faster) {
                i++;
            }
            ranges.add(from == i ? xLabel.apply(xs.get(from))
                    : xLabel.apply(xs.get(from)) + " to " + xLabel.apply(xs.get(i)));
            i++;
        }
        return ranges;
    }
}
