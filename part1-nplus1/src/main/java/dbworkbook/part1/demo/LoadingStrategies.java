package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.domain.Scale;
import dbworkbook.part1.demo.StrategyCosts.Cost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lessons 1 to 4, 7, 8 and 9 side by side: every strategy loads every dealership with its cars. Statements and rows,
 * bytes on the wire and bytes allocated are counted on runs of their own; the times are medians, directly and
 * through the delay relay, all interleaved (see {@link StrategyCosts}).
 */
final class LoadingStrategies implements Measurement<LoadingStrategies.Result> {

    record Result(Scale scale, double relaySetToAddMs, int runs, List<Cost> costs) {

        Cost of(Strategy strategy) {
            return StrategyCosts.of(costs, strategy);
        }
    }

    @Override
    public String title() {
        return "Loading every dealership with its cars";
    }

    @Override
    public Result measure(DemoContext context) {
        Scale scale = Part1Demo.scale(context.options());
        return new Result(scale, context.options().roundTrip().toNanos() / 1e6, context.options().runs(),
                StrategyCosts.measure(context, context.database(), scale, Arrays.asList(Strategy.values()), true));
    }

    @Override
    public Section present(Result result, DemoContext context) {
        String far = "+" + decimals(result.relaySetToAddMs(), 2) + " ms";
        Cost nPlusOne = result.of(Strategy.NESTED_SELECT);
        Cost lazy = result.of(Strategy.LAZY_NESTED_SELECT);
        Cost join = result.of(Strategy.NESTED_RESULT_MAP);
        Cost selectIn = result.of(Strategy.SELECT_IN);
        Cost json = result.of(Strategy.JSON_AGGREGATION);
        Cost jdbc = result.of(Strategy.PLAIN_JDBC);
        List<String> labels = result.costs().stream().map(Cost::label).toList();
        List<Chart.Point> direct = new ArrayList<>();
        List<Chart.Point> relayed = new ArrayList<>();
        for (int i = 0; i < result.costs().size(); i++) {
            direct.add(Chart.Point.of(i, result.costs().get(i).directMs()));
            relayed.add(Chart.Point.of(i, result.costs().get(i).relayedMs()));
        }
        return Section.titled(title() + " (" + count(result.scale().dealerships()) + " dealerships x "
                        + count(result.scale().carsPerDealership()) + " cars; median ms directly, and through the "
                        + "delay relay)")
                .table(Table.of("", result.costs())
                        .column("strategy", Cost::label)
                        .column("statements", cost -> count(cost.statements()))
                        .column("rows read", cost -> count(cost.rowsRead()))
                        .column("MB from server", cost -> decimals(cost.bytesFromServer() / 1e6, 2))
                        .column("MB allocated", cost -> decimals(cost.allocatedBytes() / 1e6, 1))
                        .column("median ms", cost -> decimals(cost.directMs(), 1))
                        .column("x JOIN", cost -> times(cost.directMs() / join.directMs(), 1))
                        .column(far + " link", cost -> decimals(cost.relayedMs(), 1))
                        .column("x JOIN", cost -> times(cost.relayedMs() / join.relayedMs(), 1))
                        .build())
                .chart(Chart.titled("Every strategy, directly and " + far + " away")
                        .x("strategy", "", false).y("median time", "ms", true).categories(labels).bars()
                        .series("directly", direct).series(far + " round trip", relayed)
                        .reading("N+1 ran " + count(nPlusOne.statements()) + " statements and took "
                                + times(nPlusOne.directMs() / join.directMs(), 1) + " the JOIN's time directly, "
                                + times(nPlusOne.relayedMs() / join.relayedMs(), 1) + " with the server " + far
                                + " away; the bars of the one-statement strategies hardly move. The time axis is "
                                + "logarithmic."))
                .reading("N+1 ran " + count(nPlusOne.statements()) + " statements, the JOIN " + count(join.statements())
                        + ". On this machine N+1 took " + times(nPlusOne.directMs() / join.directMs(), 1)
                        + " as long as the JOIN; with the database " + far + " away, "
                        + times(nPlusOne.relayedMs() / join.relayedMs(), 1) + ".")
                .reading("Made lazy, it still ran " + count(lazy.statements()) + ": the selects only move to where "
                        + "getCars() is first touched. Select-in batches ran " + count(selectIn.statements())
                        + " statements. MyBatis' nested result map took " + times(join.directMs() / jdbc.directMs(), 1)
                        + " the time of plain JDBC over the same JOIN, and allocated "
                        + times((double) join.allocatedBytes() / jdbc.allocatedBytes(), 1) + " its bytes: the price of "
                        + "mapping rows to objects (lesson 12).")
                .reading("Bytes: the JOIN repeats the dealership's columns on every car's row ("
                        + decimals(join.bytesFromServer() / 1e6, 2) + " MB from the server), the JSON repeats each key "
                        + "in every car (" + decimals(json.bytesFromServer() / 1e6, 2) + " MB), N+1 repeats the "
                        + "statement and its answer's framing " + count(nPlusOne.statements()) + " times ("
                        + decimals(nPlusOne.bytesFromServer() / 1e6, 2) + " MB from the server, "
                        + decimals(nPlusOne.bytesToServer() / 1e6, 2) + " MB to it).")
                .build();
    }
}
