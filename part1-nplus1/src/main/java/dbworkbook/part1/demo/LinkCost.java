package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.decimals;

import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.RoundTrips;
import dbworkbook.common.demo.Section;
import javax.sql.DataSource;

/** The unit N+1 pays N times: one round trip ({@code SELECT 1}), directly and through the delay relay. */
final class LinkCost implements Measurement<LinkCost.Result> {

    record Result(double relaySetToAddMs, double directMs, double relayedMs) {
    }

    @Override
    public String title() {
        return "The cost of one round trip";
    }

    @Override
    public Result measure(DemoContext context) {
        DataSource direct = context.database().pooledDataSource("part1-link", 1);
        DataSource relayed = context.database().pooledDataSourceThrough(
                context.relay(context.options().roundTrip()).address(), "part1-link-relayed", 1);
        RoundTrips.Measured measured = RoundTrips.measure(direct, relayed, context.options().minWarmup());
        return new Result(context.options().roundTrip().toNanos() / 1e6, measured.directMillis(),
                measured.relayedMillis());
    }

    @Override
    public Section present(Result result, DemoContext context) {
        return Section.titled(title())
                .reading("A round trip (SELECT 1) takes " + decimals(result.directMs(), 3) + " ms directly, and "
                        + decimals(result.relayedMs(), 3) + " ms through the relay set to add "
                        + decimals(result.relaySetToAddMs(), 2) + " ms, as between two machines in one data centre. "
                        + "Every statement pays it once, whatever it does.")
                .build();
    }
}
