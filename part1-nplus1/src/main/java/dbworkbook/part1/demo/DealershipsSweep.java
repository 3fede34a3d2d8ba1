package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;

import dbworkbook.common.demo.Chart;
import dbworkbook.common.demo.DemoContext;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.demo.Section;
import dbworkbook.common.domain.Scale;
import dbworkbook.part1.demo.Sweeps.SweepPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * The N of N+1: from 10 dealerships to 10,000 (each with the chapter's cars per dealership), directly and at the
 * chapter's added round trip. Every size is a database of its own, loaded and dropped in turn.
 */
final class DealershipsSweep implements Measurement<DealershipsSweep.Result> {

    record Result(int carsPerDealership, double relaySetToAddMs, List<SweepPoint> points) {
    }

    @Override
    public String title() {
        return "Time against the number of dealerships";
    }

    @Override
    public Result measure(DemoContext context) {
        int cars = context.options().get(Part1Demo.CARS);
        int runs = context.options().sweepRuns();
        List<SweepPoint> points = new ArrayList<>();
        for (int n : Sweeps.oneThreeTen(10, context.options().scaled(context.options().get(Part1Demo.SWEEP_MAX_DEALERSHIPS)))) {
            context.progress(count(n) + " dealerships");
            points.addAll(Sweeps.timeOnNewData(context, n, Scale.of(n, cars, 0), runs));
        }
        return new Result(cars, context.options().roundTrip().toNanos() / 1e6, points);
    }

    @Override
    public Section present(Result result, DemoContext context) {
        List<SweepPoint> points = result.points();
        String far = "+" + decimals(result.relaySetToAddMs(), 2) + " ms";
        List<Double> xs = Sweeps.xs(points, true);
        double small = xs.get(0);
        double large = xs.get(xs.size() - 1);
        double grewBy = Sweeps.at(points, large, Strategy.NESTED_SELECT, true)
                / Sweeps.at(points, small, Strategy.NESTED_SELECT, true);
        String reading = "At " + far + ", " + count((long) (large / small)) + " times the dealerships took N+1 "
                + decimals(grewBy, 0) + " times as long, and the JOIN "
                + decimals(Sweeps.at(points, large, Strategy.NESTED_RESULT_MAP, true)
                        / Sweeps.at(points, small, Strategy.NESTED_RESULT_MAP, true), 0)
                + " times (its rows grow too, its statements do not). Both axes are logarithmic.";
        return Section.titled(title() + " (" + count(result.carsPerDealership()) + " cars each; median ms)")
                .table(Sweeps.table("", points, "dealerships", x -> count((long) x), true))
                .chart(Sweeps.series(Sweeps.series(Chart.titled("Loading time against the dealerships")
                                .x("dealerships", "", true).y("median time", "ms", true),
                                points, false, ", directly"), points, true, ", " + far)
                        .reading(reading))
                .reading(reading)
                .reading("Directly: " + Sweeps.crossing(points, false, x -> count((long) x) + " dealerships")
                        + ". At " + far + ": " + Sweeps.crossing(points, true, x -> count((long) x) + " dealerships")
                        + ". " + Sweeps.runsNote(points))
                .build();
    }
}
