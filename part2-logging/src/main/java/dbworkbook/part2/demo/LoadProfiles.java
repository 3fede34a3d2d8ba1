package dbworkbook.part2.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;

import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.part2.FlightRecorderProfile;
import dbworkbook.part2.FlightRecorderProfile.FrameSamples;
import dbworkbook.part2.FlightRecorderProfile.Layer;
import dbworkbook.part2.FlightRecorderProfile.Profile;
import dbworkbook.part2.StatementTimingInterceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;

/**
 * Lesson 9: where the time of the N+1 and of the JOIN went, from a Flight Recorder profile of each, loaded through
 * the delay relay (a database a round trip away): the loading thread's socket reads and its CPU samples.
 */
final class LoadProfiles implements Measurement<LoadProfiles.Result> {

    private static final List<DealershipLoads> PROFILED = List.of(DealershipLoads.NESTED_SELECT, DealershipLoads.JOIN);

    record Row(DealershipLoads strategy, String label, Profile profile) {

        double waitingShare() {
            return profile.wallMillis() == 0 ? 0 : profile.socketReadMillis() / profile.wallMillis();
        }

        double share(Layer layer) {
            return profile.cpuSamples() == 0 ? 0 : (double) profile.samples(layer) / profile.cpuSamples();
        }
    }

    record Result(int dealerships, double roundTripMs, List<Row> rows) {

        Row of(DealershipLoads strategy) {
            return rows.stream().filter(row -> row.strategy() == strategy).findFirst().orElseThrow();
        }
    }

    @Override
    public String title() {
        return "Where the time went (a Flight Recorder profile)";
    }

    @Override
    public Result measure(DemoContext context) {
        SqlSessionFactory factory = Part2Demo.mybatis(context.database().pooledDataSourceThrough(
                context.relay(context.options().roundTrip()).address(), "part2-profile", 1));
        List<Row> rows = new ArrayList<>();
        int dealerships = 0;
        // The plugin's slow-statement warnings are lesson 3's: not again here.
        try (LogCapture quiet = LogCapture.of(Level.WARN, StatementTimingInterceptor.class.getName())) {
            for (DealershipLoads strategy : PROFILED) {
                context.progress(strategy.label());
                int[] loaded = new int[1];
                Profile profile = FlightRecorderProfile.of(() -> loaded[0] = strategy.load(factory).size());
                dealerships = loaded[0];
                rows.add(new Row(strategy, strategy.label(), profile));
            }
        }
        return new Result(dealerships, context.options().roundTrip().toNanos() / 1e6, rows);
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Row nPlusOne = result.of(DealershipLoads.NESTED_SELECT);
        Row join = result.of(DealershipLoads.JOIN);
        Table.Builder<Row> table = Table.of("", result.rows())
                .column("load", Row::label)
                .column("ms", row -> decimals(row.profile().wallMillis(), 1))
                .column("statements", row -> count(row.profile().statements()))
                .column("socket reads", row -> count(row.profile().socketReads()))
                .column("waiting ms", row -> decimals(row.profile().socketReadMillis(), 1))
                .column("waiting", row -> percent(row.waitingShare()))
                .column("CPU samples", row -> count(row.profile().cpuSamples()));
        for (Layer layer : Layer.values()) {
            table.column(layer.label(), row -> percent(row.share(layer)));
        }
        List<Chart.Point> waiting = new ArrayList<>();
        List<Chart.Point> rest = new ArrayList<>();
        for (int i = 0; i < result.rows().size(); i++) {
            Profile profile = result.rows().get(i).profile();
            waiting.add(Chart.Point.of(i, profile.socketReadMillis()));
            rest.add(Chart.Point.of(i, Math.max(0, profile.wallMillis() - profile.socketReadMillis())));
        }
        String where = "The N+1 waited " + decimals(nPlusOne.profile().socketReadMillis(), 0) + " ms of its "
                + decimals(nPlusOne.profile().wallMillis(), 0) + " ms (" + percent(nPlusOne.waitingShare())
                + ") in " + count(nPlusOne.profile().socketReads()) + " socket reads, one or more for each of its "
                + count(nPlusOne.profile().statements()) + " statements; the JOIN waited "
                + decimals(join.profile().socketReadMillis(), 0) + " ms of " + decimals(join.profile().wallMillis(), 0)
                + " ms in " + count(join.profile().socketReads()) + " reads.";
        Section.Builder section = Section.titled(title() + ": every dealership with its cars ("
                        + count(result.dealerships()) + "), with the database +" + decimals(result.roundTripMs(), 2)
                        + " ms away; the loading thread's events only")
                .table(table.build())
                .chart(Chart.titled("Waiting for the server, and the rest")
                        .x("load", "", false).y("time", "ms", false)
                        .categories(result.rows().stream().map(Row::label).toList()).bars()
                        .series("waiting in socket reads", waiting)
                        .series("the rest (CPU, and what no event records)", rest)
                        .reading(where));
        for (Row row : result.rows()) {
            section.line(row.label() + ": the frames most CPU samples were put down to");
            for (FrameSamples frame : row.profile().topFrames()) {
                section.line(String.format(Locale.ROOT, "  %5d  %-20s %s", frame.samples(), frame.layer().label(),
                        frame.frame()));
            }
        }
        return section
                .reading(where + " The relay's own threads read a socket another "
                        + count(nPlusOne.profile().otherThreadsSocketReads()) + " times during the N+1: they are left "
                        + "out, or they would have more than doubled its count.")
                .reading("The CPU samples (taken while the thread runs Java code) say what the rest was: for the "
                        + "N+1 " + layers(nPlusOne) + "; for the JOIN " + layers(join) + ". A thread waiting for a "
                        + "socket is not running, so the N+1's waits are in its socket reads, not in its samples.")
                .reading("Profile before you tune: faster mapping would shorten the JOIN ("
                        + percent(join.share(Layer.MYBATIS)) + " of its samples in MyBatis), but "
                        + percent(nPlusOne.waitingShare()) + " of the N+1's time was spent waiting for the server, "
                        + "once or more for each of its " + count(nPlusOne.profile().statements()) + " statements, and "
                        + "no mapping speeds that up. Only fewer statements do.")
                .build();
    }

    /** The layers with most samples, e.g. "MyBatis 61%, PgJDBC 22%". */
    private static String layers(Row row) {
        if (row.profile().cpuSamples() == 0) {
            return "no samples";
        }
        return row.profile().layers().stream().filter(layer -> row.share(layer.layer()) >= 0.005) // shown as 1% or more
                .sorted((a, b) -> Integer.compare(b.samples(), a.samples())).limit(3)
                .map(layer -> layer.layer().label() + " " + percent(row.share(layer.layer())))
                .collect(Collectors.joining(", "));
    }

    private static String percent(double share) {
        return decimals(100 * share, 0) + "%";
    }
}
