package dbworkbook.part1.demo;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.Demo;
import dbworkbook.common.demo.DemoOptions;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 1's demo: one data set, every way of loading it, and how each way's cost grows with the distance to the
 * server, the number of dealerships and the cars per dealership. Each measurement is a class of this package.
 *
 * <p>Run: {@code ./mvnw -Pdemo -pl part1-nplus1 -am package}. Change it with e.g.
 * {@code -Ddemo.args="--dealerships 2000 --runs 7 --sweep-runs 5 --sweep-max-dealerships 30000"}.
 */
public final class Part1Demo {

    static final String DEALERSHIPS = "--dealerships";
    static final String CARS = "--cars";
    static final String SALESPEOPLE = "--salespeople";
    static final String SWEEP_MAX_ROUND_TRIP_US = "--sweep-max-round-trip-us";
    static final String SWEEP_MAX_DEALERSHIPS = "--sweep-max-dealerships";
    static final String SWEEP_MAX_CARS = "--sweep-max-cars";
    static final String LARGE_MAX_CARS = "--large-max-cars";
    static final String LARGE_HEAP_MB = "--large-heap-mb";

    static final Demo.Chapter CHAPTER = new Demo.Chapter("part1-nplus1", 1,
            "The N+1 problem: one data set, every way of loading it", options(), Part1Demo::load);

    private Part1Demo() {
    }

    public static void main(String[] args) {
        Demo.main(CHAPTER, args, measurements());
    }

    static List<Measurement<?>> measurements() {
        return List.of(new LinkCost(), new LoadingStrategies(), new TwoShapes(), new RoundTripSweep(),
                new DealershipsSweep(), new CarsSweep(), new TwoCollections(), new PageOfDealerships(),
                new LargeResults(), new DeepPagesSweep(), new MappingCost());
    }

    /** The chapter's data set, at this run's scale. */
    static Scale scale(DemoOptions options) {
        return Scale.of(options.scaled(options.get(DEALERSHIPS)), options.get(CARS), options.get(SALESPEOPLE));
    }

    private static String load(WorkbookDatabase database, DemoOptions options) {
        Scale scale = scale(options);
        long start = System.nanoTime();
        DataGenerator.populate(database.unpooledDataSource(), scale);
        return count(scale.dealerships()) + " dealerships, each with " + count(scale.carsPerDealership())
                + " cars and " + count(scale.salespeoplePerDealership()) + " salespeople, loaded in "
                + decimals((System.nanoTime() - start) / 1e6, 0) + " ms";
    }

    private static Map<String, Integer> options() {
        Map<String, Integer> options = new LinkedHashMap<>();
        options.put(DEALERSHIPS, 1000);
        options.put(CARS, 20);
        options.put(SALESPEOPLE, 5);
        options.put(SWEEP_MAX_ROUND_TRIP_US, 2000);
        options.put(SWEEP_MAX_DEALERSHIPS, 3_000);
        options.put(SWEEP_MAX_CARS, 100);
        options.put(LARGE_MAX_CARS, 1_000_000);
        options.put(LARGE_HEAP_MB, 512);
        return options;
    }
}
