package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part1.JsonAggregationDealershipRepository;
import dbworkbook.part1.OneQueryPerCollectionRepository;
import dbworkbook.part1.TwoCollectionsInOneJoinRepository;
import dbworkbook.part1.demo.Strategy.Connections;
import dbworkbook.part1.demo.Strategy.Loaded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lessons 5 and 8: cars and salespeople at once, in one JOIN (a cartesian product), in one query per collection, or
 * in one row per dealership with both collections built by the server.
 */
final class TwoCollections implements Measurement<TwoCollections.Result> {

    enum Way {
        ONE_JOIN("two collections in one JOIN", c -> new TwoCollectionsInOneJoinRepository(c.factory())
                ::findAllWithCarsAndSalespeople),
        ONE_QUERY_PER_COLLECTION("one query per collection", c -> new OneQueryPerCollectionRepository(c.factory())
                ::findAllWithCarsAndSalespeople),
        JSON_BUILT_BY_THE_SERVER("JSON built by the server", c -> new JsonAggregationDealershipRepository(c.factory())
                ::findAllWithCarsAndSalespeople);

        private final String label;
        private final Function<Connections, Supplier<List<Dealership>>> query;

        Way(String label, Function<Connections, Supplier<List<Dealership>>> query) {
            this.label = label;
            this.query = query;
        }
    }

    record Row(Way way, String label, int statements, long rowsRead, long rowsNeeded, double medianMs) {
    }

    record Result(Scale scale, List<Row> rows) {

        Row of(Way way) {
            return rows.stream().filter(row -> row.way() == way).findFirst().orElseThrow();
        }
    }

    @Override
    public String title() {
        return "Two collections: cars and salespeople";
    }

    @Override
    public Result measure(DemoContext context) {
        Scale scale = Part1Demo.scale(context.options());
        Loaded expected = new Loaded(scale.dealerships(), scale.cars(), scale.salespeople());
        StatementRecorder recorder = new StatementRecorder();
        Connections counted = Connections.over(recorder.record(context.database().pooledDataSource("part1-two-counted", 2)));
        Connections direct = Connections.over(context.database().pooledDataSource("part1-two", 2));
        Map<Way, int[]> statements = new LinkedHashMap<>();
        Map<Way, long[]> rowsRead = new LinkedHashMap<>();
        Map<Way, Runnable> work = new LinkedHashMap<>();
        for (Way way : Way.values()) {
            recorder.reset();
            expected.require(way.label, way.query.apply(counted).get());
            statements.put(way, new int[] {recorder.count()});
            rowsRead.put(way, new long[] {recorder.rowsRead()});
            Supplier<List<Dealership>> timed = way.query.apply(direct);
            work.put(way, () -> expected.require(way.label, timed.get()));
        }
        Map<Way, Timing.Sample> samples = context.timeInterleaved(work);
        List<Row> rows = new ArrayList<>();
        for (Way way : Way.values()) {
            rows.add(new Row(way, way.label, statements.get(way)[0], rowsRead.get(way)[0],
                    scale.cars() + scale.salespeople(), samples.get(way).medianMillis()));
        }
        return new Result(scale, rows);
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Row join = result.of(Way.ONE_JOIN);
        Row perCollection = result.of(Way.ONE_QUERY_PER_COLLECTION);
        Row json = result.of(Way.JSON_BUILT_BY_THE_SERVER);
        return Section.titled(title() + " (" + count(result.scale().dealerships()) + " dealerships x "
                        + count(result.scale().carsPerDealership()) + " cars x "
                        + count(result.scale().salespeoplePerDealership()) + " salespeople)")
                .table(Table.of("", result.rows())
                        .column("strategy", Row::label)
                        .column("statements", row -> count(row.statements()))
                        .column("rows read", row -> count(row.rowsRead()))
                        .column("rows needed", row -> count(row.rowsNeeded()))
                        .column("median ms", row -> decimals(row.medianMs(), 1))
                        .build())
                .reading("One JOIN pairs each car with each salesperson of its dealership: it read "
                        + times((double) join.rowsRead() / join.rowsNeeded(), 1) + " the rows needed, and took "
                        + times(join.medianMs() / perCollection.medianMs(), 1) + " the time of one query per "
                        + "collection. The JSON built by the server read " + count(json.rowsRead()) + " rows, one per "
                        + "dealership, in " + count(json.statements()) + " statement, and took "
                        + times(json.medianMs() / perCollection.medianMs(), 1) + " the time of one query per "
                        + "collection.")
                .build();
    }
}
