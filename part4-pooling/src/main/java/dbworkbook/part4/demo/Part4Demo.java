package dbworkbook.part4.demo;

import static dbworkbook.common.demo.Figures.count;

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
 * Chapter 4's demo: what a pool saves, how its size shapes throughput and waiting (directly and at a distance), and
 * what it looks like when it runs dry, leaks, loses its connections, or has them taken by stuck queries. Each measurement is a class of this package.
 *
 * <p>Run: {@code ./mvnw -Pdemo -pl part4-pooling -am package}. Change it with e.g.
 * {@code -Ddemo.args="--workers 64 --measure-ms 2000"}.
 */
public final class Part4Demo {

    static final String WORKERS = "--workers";
    static final String MEASURE_MS = "--measure-ms";
    static final String DEALERSHIPS = "--dealerships";
    static final int CARS_PER_DEALERSHIP = 20;

    static final Demo.Chapter CHAPTER = new Demo.Chapter("part4-pooling", 4, "Connection pooling with HikariCP",
            options(), Part4Demo::load);

    private Part4Demo() {
    }

    public static void main(String[] args) {
        Demo.main(CHAPTER, args, measurements());
    }

    static List<Measurement<?>> measurements() {
        return List.of(new ConnectVersusBorrow(), new SizingCurve(), new Exhaustion(), new Leak(), new Recovery(),
                new StuckQueries());
    }

    static int dealerships(DemoOptions options) {
        return options.scaled(options.get(DEALERSHIPS));
    }

    private static String load(WorkbookDatabase database, DemoOptions options) {
        Scale scale = Scale.of(dealerships(options), CARS_PER_DEALERSHIP, 0);
        DataGenerator.populate(database.unpooledDataSource(), scale);
        return count(scale.dealerships()) + " dealerships, " + count(scale.cars()) + " cars";
    }

    private static Map<String, Integer> options() {
        Map<String, Integer> options = new LinkedHashMap<>();
        options.put(WORKERS, 32);
        options.put(MEASURE_MS, 1000);
        options.put(DEALERSHIPS, 1000);
        return options;
    }
}
