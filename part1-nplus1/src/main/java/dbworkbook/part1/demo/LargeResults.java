package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.part1.AutoCommitCursorCarExport;
import dbworkbook.part1.CarExport;
import dbworkbook.part1.SelectListCarExport;
import dbworkbook.part1.StreamingCursorCarExport;
import dbworkbook.part1.demo.ExportInChildJvm.Ending;
import dbworkbook.part1.demo.ExportInChildJvm.Outcome;
import dbworkbook.part1.demo.ExportInChildJvm.Run;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Lesson 10: every car of a table of 1,000 to 1,000,000 cars (at the default scale), read three ways; for each, the
 * heap held when the first car reached the consumer, and the time to hand on every car.
 *
 * <p>One table of the largest size is generated; each smaller size is read through a view of its first cars (ids
 * 1..n) named {@code car}, in a schema of its own put first on the search path, so that every point runs the lesson's
 * own statement, unchanged. All the exports run one after another in one JVM with a heap of its own (see
 * {@link ExportInChildJvm} for how the heap held is measured), after one unmeasured round at the smallest size: the
 * first point's times are then not those of a cold JVM.
 */
final class LargeResults implements Measurement<LargeResults.Result> {

    enum Way {
        SELECT_LIST("selectList", "selectList", SelectListCarExport.class),
        AUTO_COMMIT_CURSOR("cursor, auto-commit", "the cursor under auto-commit", AutoCommitCursorCarExport.class),
        STREAMING_CURSOR("cursor, transaction", "the cursor in a transaction", StreamingCursorCarExport.class);

        private final String label;
        private final String inASentence;
        private final Class<? extends CarExport> type;

        Way(String label, String inASentence, Class<? extends CarExport> type) {
            this.label = label;
            this.inASentence = inASentence;
            this.type = type;
        }

        String label() {
            return label;
        }
    }

    /** The smallest heap drawn on the logarithmic axis: a few hundred KB is the figure's noise anyway. */
    private static final double LEAST_MB_DRAWN = 0.1;

    /**
     * One way at one size: how it ended, the cars it handed on, its time, and the heap it held when the first car
     * was handed on (-1 if none was).
     */
    record Point(long cars, Way way, Ending ending, long exported, double millis, double heldMb) {

        boolean exportedAll() {
            return ending == Ending.EXPORTED && exported == cars;
        }
    }

    record Result(int heapMegabytes, List<Long> sizes, List<Point> points) {

        Point of(Way way, long cars) {
            return points.stream().filter(p -> p.way() == way && p.cars() == cars).findFirst().orElseThrow();
        }

        long largest() {
            return sizes.get(sizes.size() - 1);
        }
    }

    @Override
    public String title() {
        return "Large result sets: heap and time against the number of cars";
    }

    @Override
    public Result measure(DemoContext context) throws SQLException {
        int heap = context.options().get(Part1Demo.LARGE_HEAP_MB);
        int largest = Math.max(1000, context.options().scaled(context.options().get(Part1Demo.LARGE_MAX_CARS)));
        List<Long> sizes = Sweeps.oneThreeTen(1000, largest).stream().map(Integer::longValue).toList();
        try (WorkbookDatabase database = context.newDatabase("part1-large")) {
            context.progress("generating " + count(largest) + " cars");
            DataGenerator.populate(database.unpooledDataSource(), Scale.of((largest + 99) / 100, 100, 0));
            Map<Long, String> searchPaths = new LinkedHashMap<>();
            for (long size : sizes) {
                searchPaths.put(size, firstCars(database, size, largest));
            }
            record Planned(long size, Way way, boolean measured) {
            }
            List<Planned> plan = new ArrayList<>();
            for (Way way : Way.values()) {
                plan.add(new Planned(sizes.get(0), way, false));
            }
            for (long size : sizes) {
                for (Way way : Way.values()) {
                    plan.add(new Planned(size, way, true));
                }
            }
            context.progress(count(plan.size()) + " exports of up to " + count(largest) + " cars, one after another "
                    + "in one JVM with a " + heap + " MB heap");
            List<Outcome> outcomes = ExportInChildJvm.run(database, plan.stream()
                    .map(p -> Run.inSchemas(p.way().type.getName(), searchPaths.get(p.size()))).toList(),
                    ExportInChildJvm.Launch.timed(heap));
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                Planned planned = plan.get(i);
                Outcome outcome = outcomes.get(i);
                if (outcome.ending() == Ending.FAILED || outcome.ending() == Ending.TIMED_OUT) {
                    throw new IllegalStateException(planned.way().inASentence + " on " + count(planned.size())
                            + " cars failed: " + outcome.error());
                }
                if (planned.measured()) {
                    points.add(new Point(planned.size(), planned.way(), outcome.ending(), outcome.totals().cars(),
                            outcome.millis(), outcome.heldAtFirstCarBytes() < 0 ? -1
                                    : outcome.heldAtFirstCarBytes() / 1e6));
                }
            }
            return new Result(heap, sizes, points);
        }
    }

    /**
     * The search path under which {@code car} is the first {@code size} cars: a view in a schema of its own (the ids
     * of the generated cars run from 1 without gaps), or null for the whole table.
     */
    private static String firstCars(WorkbookDatabase database, long size, long largest) throws SQLException {
        if (size >= largest) {
            return null;
        }
        String schema = "first_" + size;
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            statement.execute("CREATE OR REPLACE VIEW " + schema + ".car AS SELECT * FROM public.car WHERE id <= "
                    + size);
        }
        return schema + ",public";
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Table.Builder<Long> table = Table.of("", result.sizes()).column("cars", size -> count(size));
        for (Way way : Way.values()) {
            table.column(way.label + " MB held", size -> cell(result.of(way, size), p -> p.heldMb(), 1));
        }
        for (Way way : Way.values()) {
            table.column(way.label + " ms", size -> cell(result.of(way, size), Point::millis, 0));
        }
        String reading = reading(result);
        return Section.titled(title() + " (one JVM, " + result.heapMegabytes() + " MB heap)")
                .table(table.build())
                .chart(series(Chart.titled("Heap held when the first car is handed on")
                        .x("cars", "", true).y("heap held", "MB", true), result, Point::heldMb)
                        .reading(reading))
                .chart(series(Chart.titled("Time to hand on every car")
                        .x("cars", "", true).y("time", "ms", true), result, Point::millis)
                        .reading(timeReading(result)))
                .reading(reading)
                .reading(timeReading(result))
                .reading("Held: the heap in use after a full collection at the moment the first car reached the "
                        + "consumer, above what was in use before the export began. Each size is a view of the "
                        + "first cars of one table; every export ran in one JVM, one after another, after an "
                        + "unmeasured round at " + count(result.sizes().get(0)) + " cars; times leave out the "
                        + "collection made for the measurement. The heap moves by a few hundred KB from one export to "
                        + "the next for the JVM's own reasons: the streaming cursor's figure is at that resolution "
                        + "(the chart draws values under " + decimals(LEAST_MB_DRAWN, 1) + " MB at "
                        + decimals(LEAST_MB_DRAWN, 1) + ").")
                .build();
    }

    private static String cell(Point point, ToDoubleFunction<Point> value, int decimals) {
        return point.ending() == Ending.OUT_OF_HEAP ? "out of heap" : decimals(value.applyAsDouble(point), decimals);
    }

    /** One line per way; a size at which a way ran out of heap has no point, and a marker says so. */
    private static Chart.Builder series(Chart.Builder chart, Result result, ToDoubleFunction<Point> value) {
        for (Way way : Way.values()) {
            List<Chart.Point> line = new ArrayList<>();
            for (long size : result.sizes()) {
                Point point = result.of(way, size);
                if (point.exportedAll()) {
                    line.add(Chart.Point.of(size, Math.max(value.applyAsDouble(point), LEAST_MB_DRAWN)));
                } else {
                    chart.marker(size, way.label + ": out of the " + result.heapMegabytes() + " MB heap");
                }
            }
            chart.series(way.label, line);
        }
        return chart;
    }

    private static String reading(Result result) {
        long largest = result.largest();
        long smallest = result.sizes().get(0);
        Point streamingLarge = result.of(Way.STREAMING_CURSOR, largest);
        Point streamingSmall = result.of(Way.STREAMING_CURSOR, smallest);
        StringBuilder text = new StringBuilder("At " + count(largest) + " cars, ");
        List<String> holding = new ArrayList<>();
        for (Way way : List.of(Way.SELECT_LIST, Way.AUTO_COMMIT_CURSOR)) {
            Point point = result.of(way, largest);
            holding.add(way.inASentence + (point.exportedAll() ? " held " + decimals(point.heldMb(), 1) + " MB"
                    : " ran out of the " + result.heapMegabytes() + " MB heap"));
        }
        text.append(String.join(" and ", holding)).append(" before the first car was handed on, where the cursor in "
                + "a transaction held ").append(decimals(streamingLarge.heldMb(), 1)).append(" MB (")
                .append(decimals(streamingSmall.heldMb(), 1)).append(" MB at ").append(count(smallest))
                .append(" cars): the first two grow with the table, the streaming cursor holds one fetch.");
        Point autoCommit = result.of(Way.AUTO_COMMIT_CURSOR, largest);
        if (autoCommit.exportedAll()) {
            text.append(" The same cursor under auto-commit held as much as selectList: PgJDBC ignored the fetch "
                    + "size and read every row first.");
        }
        return text.toString();
    }

    private static String timeReading(Result result) {
        long smallest = result.sizes().get(0);
        long largest = result.largest();
        List<String> ranges = new ArrayList<>();
        for (Way way : Way.values()) {
            Point small = result.of(way, smallest);
            Point large = result.of(way, largest);
            ranges.add(way.inASentence + " " + decimals(small.millis(), 0) + " ms to "
                    + (large.exportedAll() ? decimals(large.millis(), 0) + " ms" : "out of heap"));
        }
        return "Time grows with the cars whichever way they are read, from " + count(smallest) + " to "
                + count(largest) + " cars: " + String.join(", ", ranges) + ". Streaming saves the heap, not the "
                + "work: every row is still sent, read and mapped. (One run per point: a busy moment of the machine "
                + "shows.)";
    }
}
