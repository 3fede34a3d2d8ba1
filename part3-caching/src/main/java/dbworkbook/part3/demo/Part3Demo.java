package dbworkbook.part3.demo;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.Demo;
import dbworkbook.common.demo.DemoOptions;
import dbworkbook.common.demo.Measurement;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.part3.Part3;
import java.io.ObjectInputFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chapter 3's demo: what each layer of reuse saves. Executor types (directly, through the relay, and against the
 * round trip), the driver's {@code prepareThreshold}, and MyBatis' caches. Each measurement is a class of this
 * package; the honest benchmarks with error bars are the JMH suite ({@code -Pbenchmarks}).
 *
 * <p>Run: {@code ./mvnw -Pdemo -pl part3-caching -am package}. Change it with e.g.
 * {@code -Ddemo.args="--rows 20000 --timed-rows 2000 --sweep-rows 500 --lookups 2000 --runs 7"}.
 */
public final class Part3Demo {

    static final String ROWS = "--rows";
    static final String TIMED_ROWS = "--timed-rows";
    static final String SWEEP_ROWS = "--sweep-rows";
    static final String SWEEP_MAX_ROUND_TRIP_US = "--sweep-max-round-trip-us";
    static final String LOOKUPS = "--lookups";
    static final int DEALERSHIPS = 100;
    static final int CARS_PER_DEALERSHIP = 10;

    static final Demo.Chapter CHAPTER = new Demo.Chapter("part3-caching", 3,
            "Statement reuse and caches: what each layer saves", options(), Part3Demo::load);

    private Part3Demo() {
    }

    public static void main(String[] args) {
        acceptOnlyTheWorkbooksClassesWhenDeserializing();
        Demo.main(CHAPTER, args, measurements());
    }

    static List<Measurement<?>> measurements() {
        return List.of(new ExecutorTypes(), new ExecutorTypesByRoundTrip(), new PrepareThresholds(), new Caches());
    }

    /**
     * A read/write second-level cache copies by serialization, so every cache hit deserializes. Deserializing is
     * where untrusted bytes turn into code paths (JEP 290); MyBatis warns unless a filter says which classes may
     * come out. The cache holds the domain classes and JDK types only, so that is all this filter accepts.
     * (Set it for your application with -Djdk.serialFilter=...; the tests set it in the module's pom.)
     */
    static void acceptOnlyTheWorkbooksClassesWhenDeserializing() {
        if (ObjectInputFilter.Config.getSerialFilter() == null) {
            ObjectInputFilter.Config.setSerialFilter(ObjectInputFilter.Config.createFilter(Part3.SERIAL_FILTER));
        }
    }

    private static String load(WorkbookDatabase database, DemoOptions options) {
        Scale scale = Scale.of(DEALERSHIPS, CARS_PER_DEALERSHIP, 0);
        DataGenerator.populate(database.unpooledDataSource(), scale);
        return scale.dealerships() + " dealerships x " + scale.carsPerDealership() + " cars, for the lookups; "
                + "the inserts are rolled back after each run";
    }

    private static Map<String, Integer> options() {
        Map<String, Integer> options = new LinkedHashMap<>();
        options.put(DemoOptions.WARMUP_MS, 3000);
        options.put(ROWS, 10_000);
        options.put(TIMED_ROWS, 1_000);
        options.put(SWEEP_ROWS, 200);
        options.put(SWEEP_MAX_ROUND_TRIP_US, 2000);
        options.put(LOOKUPS, 1_000);
        return options;
    }
}
