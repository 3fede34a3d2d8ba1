package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.RoundTrips;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part1.demo.Strategy.Connections;
import dbworkbook.part1.demo.Strategy.Loaded;
import dbworkbook.part1.demo.Sweeps.SweepPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chapter's data loaded at growing distances from the server: directly, then through the relay at about six
 * added round trips up to 2 ms. N+1 pays each added millisecond once per statement, the JOIN once.
 */
final class RoundTripSweep implements Measurement<RoundTripSweep.Result> {

    /** At one added round trip: what a round trip (SELECT 1) took. */
    record Link(double addedMs, double selectOneMs) {
    }

    record Result(Scale scale, int nPlusOneStatements, int joinStatements, List<Link> links,
                  List<SweepPoint> points) {
    }

    @Override
    public String title() {
        return "Time against the distance to the server";
    }

    @Override
    public Result measure(DemoContext context) {
        Scale scale = Part1Demo.scale(context.options());
        Loaded expected = new Loaded(scale.dealerships(), scale.cars(), 0);
        int runs = context.options().sweepRuns();
        StatementRecorder recorder = new StatementRecorder();
        Connections counted = Connections.over(recorder.record(context.database().pooledDataSource("part1-rtt-counted", 1)));
        int[] statements = new int[2];
        Strategy.NESTED_SELECT.over(counted).findAllWithCars();
        statements[0] = recorder.count();
        recorder.reset();
        Strategy.NESTED_RESULT_MAP.over(counted).findAllWithCars();
        statements[1] = recorder.count();
        List<Link> links = new ArrayList<>();
        List<SweepPoint> points = new ArrayList<>();
        Duration max = Duration.ofNanos(context.options().get(Part1Demo.SWEEP_MAX_ROUND_TRIP_US) * 1000L);
        for (Duration added : DemoContext.roundTripsUpTo(max)) {
            double addedMs = added.toNanos() / 1e6;
            context.progress(added.isZero() ? "directly" : "+" + decimals(addedMs, 2) + " ms");
            try (HikariDataSource pool = added.isZero() ? context.database().pooledDataSource("part1-rtt-direct", 4)
                    : context.database().pooledDataSourceThrough(context.relay(added).address(),
                            "part1-rtt-" + added.toNanos() / 1000 + "us", 4)) {
                double selectOne = context.timeInterleaved(Map.of("SELECT 1", () -> RoundTrips.selectOne(pool)), 5,
                        Duration.ZERO, 30).get("SELECT 1").medianMillis();
                links.add(new Link(addedMs, selectOne));
                points.addAll(Sweeps.time(context, addedMs, false, Connections.over(pool), expected, runs));
            }
        }
        return new Result(scale, statements[0], statements[1], links, points);
    }

    private static String distance(double addedMs) {
        return addedMs == 0 ? "directly" : "+" + decimals(addedMs, 2) + " ms";
    }

    @Override
    public Section present(Result result, DemoContext context) {
        List<SweepPoint> points = result.points();
        List<Double> xs = Sweeps.xs(points, false);
        double first = xs.get(0);
        double last = xs.get(xs.size() - 1);
        Link near = result.links().get(0);
        Link far = result.links().get(result.links().size() - 1);
        double roundTripGrew = far.selectOneMs() - near.selectOneMs();
        double nPlusOneGrew = Sweeps.at(points, last, Strategy.NESTED_SELECT, false)
                - Sweeps.at(points, first, Strategy.NESTED_SELECT, false);
        double joinGrew = Sweeps.at(points, last, Strategy.NESTED_RESULT_MAP, false)
                - Sweeps.at(points, first, Strategy.NESTED_RESULT_MAP, false);
        String reading = "From directly to +" + decimals(last, 2) + " ms, a round trip grew by "
                + decimals(roundTripGrew, 2) + " ms; N+1's time grew by " + decimals(nPlusOneGrew, 0) + " ms, that is "
                + count(Math.round(nPlusOneGrew / roundTripGrew)) + " round trips' worth (it runs "
                + count(result.nPlusOneStatements()) + " statements), while the JOIN's changed by "
                + decimals(joinGrew, 1) + " ms (it runs " + count(result.joinStatements()) + ").";
        return Section.titled(title() + " (" + count(result.scale().dealerships()) + " dealerships x "
                        + count(result.scale().carsPerDealership()) + " cars; median ms)")
                .table(Sweeps.table("", points, "added round trip", RoundTripSweep::distance, false))
                .table(Table.of("What a round trip (SELECT 1) took at each point",
                                result.links())
                        .column("relay set to add", link -> distance(link.addedMs()))
                        .column("SELECT 1 ms", link -> decimals(link.selectOneMs(), 3)).build())
                .chart(Sweeps.series(Chart.titled("Loading time against the added round trip")
                                .x("round trip added by the relay", "ms", false).y("median time", "ms", false),
                                points, false, "")
                        .reading(reading))
                .reading(reading + " " + Sweeps.crossing(points, false, x -> x == 0 ? "no added round trip" : distance(x)) + ". "
                        + Sweeps.runsNote(points))
                .build();
    }
}
