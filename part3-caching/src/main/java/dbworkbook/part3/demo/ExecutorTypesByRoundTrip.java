package dbworkbook.part3.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.RoundTrips;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.domain.Car;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part3.NewCars;
import dbworkbook.part3.Part3;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The executor types against the distance to the server: the same inserts directly, then through the relay at
 * about six added round trips up to 2 ms. An executor that waits for each insert's answer pays each added
 * millisecond once per row; a batch pays it about once.
 */
final class ExecutorTypesByRoundTrip implements Measurement<ExecutorTypesByRoundTrip.Result> {

    /** At one added round trip: each setting's median, and how many runs it is the median of. */
    record Point(double addedMs, InsertSetup setup, double medianMs, int runs) {
    }

    /** At one added round trip: what a round trip (SELECT 1) took. */
    record Link(double addedMs, double selectOneMs) {
    }

    record Result(int rows, List<Link> links, List<Point> points) {

        double at(double addedMs, InsertSetup setup) {
            return points.stream().filter(p -> p.addedMs() == addedMs && p.setup() == setup).findFirst()
                    .orElseThrow().medianMs();
        }

        List<Double> distances() {
            return points.stream().map(Point::addedMs).distinct().sorted().toList();
        }
    }

    @Override
    public String title() {
        return "Executor types against the distance to the server";
    }

    @Override
    public Result measure(DemoContext context) {
        int rows = context.options().scaled(context.options().get(Part3Demo.SWEEP_ROWS));
        int runs = context.options().sweepRuns();
        List<Car> cars = NewCars.of(rows, 1, "demo");
        Duration max = Duration.ofNanos(context.options().get(Part3Demo.SWEEP_MAX_ROUND_TRIP_US) * 1000L);
        List<Point> points = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (Duration added : DemoContext.roundTripsUpTo(max)) {
            double addedMs = added.toNanos() / 1e6;
            context.progress(distance(addedMs));
            Map<InsertSetup, Runnable> work = new LinkedHashMap<>();
            List<HikariDataSource> pools = new ArrayList<>();
            for (InsertSetup setup : InsertSetup.values()) {
                HikariDataSource pool = setup.pool(context.database(),
                        added.isZero() ? null : context.relay(added).address(), "sweep-" + added.toNanos() / 1000);
                pools.add(pool);
                SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(pool, Part3.MYBATIS_CONFIG);
                work.put(setup, () -> setup.insertAndRollBack(factory, cars));
            }
            HikariDataSource simple = pools.get(0);
            links.add(new Link(addedMs, context.timeInterleaved(Map.of("SELECT 1", () -> RoundTrips.selectOne(simple)),
                    5, Duration.ZERO, 30).get("SELECT 1").medianMillis()));
            Map<InsertSetup, Timing.Sample> samples = new EnumMap<>(context.timeSweepPoint(work, runs));
            samples.forEach((setup, sample) -> points.add(new Point(addedMs, setup, sample.medianMillis(),
                    sample.runs())));
            pools.forEach(HikariDataSource::close);
        }
        return new Result(rows, links, points);
    }

    private static String distance(double addedMs) {
        return addedMs == 0 ? "directly" : "+" + decimals(addedMs, 2) + " ms";
    }

    @Override
    public Section present(Result result, DemoContext context) {
        List<Double> distances = result.distances();
        double near = distances.get(0);
        double far = distances.get(distances.size() - 1);
        Chart.Builder chart = Chart.titled("Insert time against the added round trip")
                .x("round trip added by the relay", "ms", false).y("median time for " + count(result.rows())
                        + " inserts", "ms", true);
        for (InsertSetup setup : InsertSetup.values()) {
            chart.series(setup.label(), result.points().stream().filter(p -> p.setup() == setup)
                    .map(p -> Chart.Point.of(p.addedMs(), p.medianMs())).toList());
        }
        double simpleGrew = result.at(far, InsertSetup.SIMPLE) - result.at(near, InsertSetup.SIMPLE);
        double batchGrew = result.at(far, InsertSetup.BATCH_REWRITTEN) - result.at(near, InsertSetup.BATCH_REWRITTEN);
        double roundTripGrew = result.links().get(result.links().size() - 1).selectOneMs()
                - result.links().get(0).selectOneMs();
        String reading = "From directly to " + distance(far) + " a round trip grew by " + decimals(roundTripGrew, 2)
                + " ms; SIMPLE's " + count(result.rows()) + " inserts took " + decimals(simpleGrew, 0) + " ms longer, "
                + count(Math.round(simpleGrew / roundTripGrew)) + " round trips' worth (one wait per row), and BATCH "
                + "with rewriting " + decimals(batchGrew, 1) + " ms longer, " + decimals(batchGrew / roundTripGrew, 1)
                + " round trips' worth. The time axis is logarithmic.";
        record Row(double addedMs) {
        }
        Table.Builder<Row> table = Table.of("", distances.stream().map(Row::new).toList())
                .column("added round trip", row -> distance(row.addedMs()));
        for (InsertSetup setup : InsertSetup.values()) {
            table.column(setup.label() + " ms", row -> decimals(result.at(row.addedMs(), setup), 1));
        }
        int most = result.points().stream().mapToInt(Point::runs).max().orElse(0);
        long once = result.points().stream().filter(p -> p.runs() == 1).count();
        return Section.titled(title() + " (" + count(result.rows()) + " inserts per run, rolled back; median ms)")
                .table(table.build())
                .chart(chart.reading(reading))
                .reading(reading)
                .reading("Each time is the median of " + most + " runs" + (once > 0 && most > 1 ? ", except " + once
                        + " that ran once because their first run took over "
                        + DemoContext.ONE_RUN_IF_LONGER.toMillis() + " ms." : "."))
                .build();
    }
}
