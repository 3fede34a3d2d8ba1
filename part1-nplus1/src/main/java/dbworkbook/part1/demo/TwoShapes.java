package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.demo.Table;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.part1.demo.StrategyCosts.Cost;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Lessons 8 and 9: the strategies on two shapes of the same number of cars, many parents with few children and few
 * parents with many, against plain JDBC: time, bytes from the server, bytes allocated. Each shape is a database of
 * its own.
 */
final class TwoShapes implements Measurement<TwoShapes.Result> {

    /** One shape and what each strategy cost on it. */
    record Shape(String name, Scale scale, List<Cost> costs) {

        Cost of(Strategy strategy) {
            return StrategyCosts.of(costs, strategy);
        }

        double ratio(Strategy strategy, ToDoubleFunction<Cost> figure) {
            return figure.applyAsDouble(of(strategy)) / figure.applyAsDouble(of(Strategy.PLAIN_JDBC));
        }
    }

    record Result(Shape manyParents, Shape fewParents) {
    }

    @Override
    public String title() {
        return "Two shapes: many parents with few children, few parents with many";
    }

    @Override
    public Result measure(DemoContext context) {
        int cars = Part1Demo.scale(context.options()).dealerships() * 20;
        return new Result(shape(context, "many parents, few children", Scale.of(Math.max(1, cars / 2), 2, 0)),
                shape(context, "few parents, many children", Scale.of(Math.max(1, cars / 200), 200, 0)));
    }

    private static Shape shape(DemoContext context, String name, Scale scale) {
        context.progress(name + " (" + scale + ")");
        try (WorkbookDatabase database = context.newDatabase("part1-shape")) {
            DataGenerator.populate(database.unpooledDataSource(), scale);
            return new Shape(name, scale, StrategyCosts.measure(context, database, scale, Strategy.SWEPT, false));
        }
    }

    @Override
    public Section present(Result result, DemoContext context) {
        Section.Builder section = Section.titled(title() + " (against plain JDBC)");
        List<String> labels = Strategy.SWEPT.stream().map(Strategy::label).toList();
        Chart.Builder chart = Chart.titled("Time against plain JDBC's, on two shapes").x("strategy", "", false)
                .y("median time / plain JDBC's", "x", true).categories(labels).bars();
        for (Shape shape : List.of(result.manyParents(), result.fewParents())) {
            section.table(Table.of(shape.name() + ": " + count(shape.scale().dealerships()) + " dealerships x "
                            + count(shape.scale().carsPerDealership()) + " cars", shape.costs())
                    .column("strategy", Cost::label)
                    .column("statements", cost -> count(cost.statements()))
                    .column("median ms", cost -> decimals(cost.directMs(), 1))
                    .column("x JDBC", cost -> times(shape.ratio(cost.strategy(), Cost::directMs), 1))
                    .column("MB from server", cost -> decimals(cost.bytesFromServer() / 1e6, 2))
                    .column("x JDBC", cost -> times(shape.ratio(cost.strategy(), c -> c.bytesFromServer()), 1))
                    .column("MB allocated", cost -> decimals(cost.allocatedBytes() / 1e6, 1))
                    .column("x JDBC", cost -> times(shape.ratio(cost.strategy(), c -> c.allocatedBytes()), 1))
                    .build());
            List<Chart.Point> points = new ArrayList<>();
            for (int i = 0; i < Strategy.SWEPT.size(); i++) {
                points.add(Chart.Point.of(i, shape.ratio(Strategy.SWEPT.get(i), Cost::directMs)));
            }
            chart.series(shape.name(), points);
        }
        Shape many = result.manyParents();
        Shape few = result.fewParents();
        double jsonToJoinMany = many.of(Strategy.JSON_AGGREGATION).directMs() / many.of(Strategy.NESTED_RESULT_MAP).directMs();
        double jsonToJoinFew = few.of(Strategy.JSON_AGGREGATION).directMs() / few.of(Strategy.NESTED_RESULT_MAP).directMs();
        String reading = "The JSON built by the server took " + times(jsonToJoinMany, 2) + " the nested result map's "
                + "time with many parents and few children, and " + times(jsonToJoinFew, 2) + " with few parents and "
                + "many children; it read " + times(many.ratio(Strategy.JSON_AGGREGATION, c -> c.bytesFromServer())
                / many.ratio(Strategy.NESTED_RESULT_MAP, c -> c.bytesFromServer()), 2) + " and "
                + times(few.ratio(Strategy.JSON_AGGREGATION, c -> c.bytesFromServer())
                / few.ratio(Strategy.NESTED_RESULT_MAP, c -> c.bytesFromServer()), 2) + " the JOIN's bytes.";
        return section.chart(chart.reading(reading + " The axis is logarithmic; 1x is plain JDBC."))
                .reading(reading)
                .reading("Why they differ: the JOIN sends the dealership's columns again with every car; the JSON "
                        + "sends each car's keys again with its values, and the server spends time building the text "
                        + "that the client then parses. Which weighs more depends on how wide the parent is and how "
                        + "many children it has.")
                .build();
    }
}
