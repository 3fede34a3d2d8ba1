package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.domain.Scale;
import dbworkbook.part1.demo.Sweeps.SweepPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The size of each dealership's collection: from 1 car each to 100 (at the chapter's number of dealerships),
 * directly and at the chapter's added round trip. The JOIN repeats each dealership's columns on every car's row and
 * MyBatis stitches the rows back into objects; N+1 runs the same number of statements whatever the cars.
 */
final class CarsSweep implements Measurement<CarsSweep.Result> {

    record Result(int dealerships, double relaySetToAddMs, List<SweepPoint> points) {
    }

    @Override
    public String title() {
        return "Time against the cars per dealership";
    }

    @Override
    public Result measure(DemoContext context) {
        int dealerships = Part1Demo.scale(context.options()).dealerships();
        int runs = context.options().sweepRuns();
        List<SweepPoint> points = new ArrayList<>();
        for (int cars : Sweeps.oneThreeTen(1, context.options().scaled(context.options().get(Part1Demo.SWEEP_MAX_CARS)))) {
            context.progress(carsEach(cars));
            points.addAll(Sweeps.timeOnNewData(context, cars, Scale.of(dealerships, cars, 0), runs));
        }
        return new Result(dealerships, context.options().roundTrip().toNanos() / 1e6, points);
    }

    @Override
    public Section present(Result result, DemoContext context) {
        List<SweepPoint> points = result.points();
        String far = "+" + decimals(result.relaySetToAddMs(), 2) + " ms";
        List<Double> xs = Sweeps.xs(points, false);
        double most = xs.get(xs.size() - 1);
        String shape = count(result.dealerships()) + " dealerships x " + count((long) most) + " cars";
        double direct = ratio(points, most, false);
        double relayed = ratio(points, most, true);
        String reading = "At " + shape + ", N+1 took " + times(direct, 1) + " the nested result map's time "
                + "directly, and " + times(relayed, 1) + " at " + far + (direct < 1 && relayed > 1
                ? ": on one machine many small statements can beat one large JOIN; a fraction of a millisecond away "
                        + "they cannot." : ".");
        return Section.titled(title() + " (" + count(result.dealerships()) + " dealerships; median ms)")
                .table(Sweeps.table("", points, "cars each", x -> count((long) x), true))
                .chart(Sweeps.series(Sweeps.series(Chart.titled("Loading time against the cars per dealership")
                                .x("cars per dealership", "", true).y("median time", "ms", true),
                                points, false, ", directly"), points, true, ", " + far)
                        .reading(reading))
                .reading(reading)
                .reading("Directly: " + Sweeps.crossing(points, false, CarsSweep::carsEach)
                        + ". At " + far + ": " + Sweeps.crossing(points, true, CarsSweep::carsEach)
                        + ". " + Sweeps.runsNote(points))
                .build();
    }

    private static String carsEach(double cars) {
        return count((long) cars) + (cars == 1 ? " car each" : " cars each");
    }

    private static double ratio(List<SweepPoint> points, double x, boolean relayed) {
        return Sweeps.at(points, x, Strategy.NESTED_SELECT, relayed)
                / Sweeps.at(points, x, Strategy.NESTED_RESULT_MAP, relayed);
    }
}
