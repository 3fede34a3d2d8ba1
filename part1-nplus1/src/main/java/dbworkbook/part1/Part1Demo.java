package dbworkbook.part1;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.Workbook;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.DemoArguments;
import dbworkbook.common.demo.DemoReport;
import dbworkbook.common.demo.NetworkDelayProxy;
import dbworkbook.common.demo.RoundTrips;
import dbworkbook.common.demo.TextTable;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Chapter 1's demo: every strategy of the chapter loads the same dealerships with their cars from the same data,
 * and the demo shows what each one costs: the statements it ran, the rows it read, the time it took. Then two
 * collections at once (one JOIN against one query per collection), and a page of 10 dealerships (LIMIT on the
 * JOIN against paging the dealerships first).
 *
 * <p>Statements and rows are counted by a {@link StatementRecorder} in one run of each strategy. The times are
 * measured on a second MyBatis set-up over the same pool, without the recorder, so its bookkeeping is not in them.
 *
 * <p>Each strategy of the first table is timed twice: connected directly, as everything on one machine is, and
 * through a {@link NetworkDelayProxy} that adds a round-trip time like that between two machines in one data centre
 * (0.5 ms by default). N+1 pays that time once per statement; the JOIN pays it once.
 *
 * <p>Run: {@code ./mvnw -Pdemo package -pl part1-nplus1 -am}. Change the scale with e.g.
 * {@code -Ddemo.args="--dealerships 2000 --cars 20 --salespeople 5 --runs 7 --warmups 3 --warmup-ms 1500
 * --round-trip-us 500"}.
 */
public final class Part1Demo {

    private static final String MYBATIS_CONFIG = "dbworkbook/part1/mybatis-config.xml";
    private static final int PAGE_SIZE = 10;

    private final Options options;
    private final WorkbookDatabase db;
    private final StatementRecorder recorder = new StatementRecorder();
    /** Through the recorder: for counting statements and rows. */
    private final Setup recorded;
    /** Straight to the pool: for timing. */
    private final Setup timed;
    /** Through the delay relay: for timing as if the database were on another machine. */
    private final Setup far;
    private final DemoReport report = new DemoReport("part1-nplus1");

    private Part1Demo(Options options, WorkbookDatabase db, NetworkDelayProxy relay) {
        this.options = options;
        this.db = db;
        DataSource pool = db.pooledDataSource("part1-demo", 4);
        this.timed = Setup.over(pool);
        this.recorded = Setup.over(recorder.record(pool));
        this.far = Setup.over(db.pooledDataSourceThrough(relay.address(), "part1-demo-far", 4));
    }

    public static void main(String[] args) throws SQLException, IOException {
        Options options = Options.parse(args);
        try (Workbook workbook = Workbook.start();
             WorkbookDatabase db = workbook.createDatabase("part1-demo");
             NetworkDelayProxy relay = NetworkDelayProxy.start(workbook.server().address(), options.roundTrip())) {
            new Part1Demo(options, db, relay).run();
        }
    }

    private void run() throws SQLException {
        String server = db.workbook().server().description();
        System.out.println();
        System.out.println("Chapter 1, the N+1 problem: one data set, every way of loading it");
        System.out.println("Server: " + server);
        report.put("server", server);
        loadData();
        System.out.println("Times:  median of " + options.runs() + " runs, after at least " + options.warmups()
                + " warm-up runs and " + decimals(options.minWarmup().toMillis() / 1000.0, 1) + " s of warming up (the JIT");
        System.out.println("        compiler needs that long), without the statement recorder (it would distort them);");
        System.out.println("        statements and rows read are counted in one more run, with the recorder.");
        report.put("warmups", options.warmups());
        report.put("minWarmupMs", options.minWarmup().toMillis());
        report.put("timesMeasured", "without the statement recorder");
        roundTrips();
        allDealershipsWithCars();
        twoCollections();
        pageOfDealerships();
        Path file = report.write("part1-nplus1-demo.json");
        System.out.println();
        System.out.println("JSON:   " + file.toAbsolutePath());
    }

    private void loadData() throws SQLException {
        Scale scale = options.scale();
        long start = System.nanoTime();
        try (Connection connection = db.connect()) {
            DataGenerator.populate(connection, scale);
        }
        double loadMs = (System.nanoTime() - start) / 1_000_000.0;
        System.out.println("Data:   " + count(scale.dealerships()) + " dealerships, each with "
                + count(scale.carsPerDealership()) + " cars and " + count(scale.salespeoplePerDealership())
                + " salespeople, loaded in " + decimals(loadMs, 1) + " ms");
        Map<String, Object> scaleJson = new LinkedHashMap<>();
        scaleJson.put("dealerships", scale.dealerships());
        scaleJson.put("carsPerDealership", scale.carsPerDealership());
        scaleJson.put("salespeoplePerDealership", scale.salespeoplePerDealership());
        report.put("scale", scaleJson);
        report.put("dataLoadMs", loadMs);
    }

    /** What one statement's round trip costs, directly and through the relay: the unit N+1 pays N times. */
    private void roundTrips() throws SQLException {
        RoundTrips.Measured roundTrip = RoundTrips.measure(timed.dataSource(), far.dataSource(), options.minWarmup());
        double direct = roundTrip.directMillis();
        double relayed = roundTrip.relayedMillis();
        System.out.println("Link:   a round trip (SELECT 1) takes " + decimals(direct, 2) + " ms directly, and " + decimals(relayed, 2)
                + " ms through a relay set to add " + decimals(options.roundTrip().toNanos() / 1e6, 2)
                + " ms (as between two machines in one data centre).");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("addedRoundTripMs", options.roundTrip().toNanos() / 1e6);
        json.put("selectOneDirectMs", direct);
        json.put("selectOneThroughRelayMs", relayed);
        report.put("roundTrip", json);
    }


    /** Table 1, the seed's list_all_dealership_cars. */
    private void allDealershipsWithCars() {
        List<Measurement> measured = measureAll(List.of(
                candidate(setup -> new NestedSelectDealershipRepository(setup.factory())),
                candidate(setup -> new LazyNestedSelectDealershipRepository(setup.factory())),
                candidate(setup -> new NestedResultMapDealershipRepository(setup.factory())),
                candidate(setup -> new SelectInBatchDealershipRepository(setup.factory())),
                candidate(setup -> new PlainJdbcDealershipRepository(setup.dataSource()))));
        Measurement nestedSelect = measured.get(0);
        Measurement lazy = measured.get(1);
        Measurement join = measured.get(2);
        Measurement selectIn = measured.get(3);
        Measurement jdbc = measured.get(4);

        String farHeader = "+" + decimals(options.roundTrip().toNanos() / 1e6, 2) + " ms link";
        TextTable table = new TextTable("strategy", "statements", "rows read", "median ms", "x JOIN",
                farHeader, "x JOIN");
        List<Map<String, Object>> json = new ArrayList<>();
        for (Measurement m : measured) {
            double ratioToJoin = m.timeRelativeTo(join);
            double farRatioToJoin = m.farTimeRelativeTo(join);
            table.row(m.strategy(), count(m.statements()), count(m.rowsRead()), decimals(m.medianMs(), 1), times(ratioToJoin, 1),
                    decimals(m.farMedianMs(), 1), times(farRatioToJoin, 1));
            Map<String, Object> row = m.toJson();
            row.put("ratioToJoin", ratioToJoin);
            row.put("farRatioToJoin", farRatioToJoin);
            json.add(row);
        }
        table.print("Loading every dealership with its cars (median ms: directly, and through the delay relay)");
        System.out.println("  N+1 ran " + count(nestedSelect.statements()) + " statements, the JOIN "
                + count(join.statements()) + ". On this machine N+1 took " + times(nestedSelect.timeRelativeTo(join), 1)
                + " as long as the JOIN; with the database " + decimals(options.roundTrip().toNanos() / 1e6, 2)
                + " ms away, " + times(nestedSelect.farTimeRelativeTo(join), 1) + ".");
        System.out.println("  Made lazy, it still ran " + count(lazy.statements())
                + ": the selects only move to where getCars() is first touched.");
        System.out.println("  Select-in batches ran " + count(selectIn.statements()) + " statements. MyBatis' nested "
                + "result map took " + times(join.timeRelativeTo(jdbc), 1) + " the time of plain JDBC over the same JOIN.");
        report.put("allDealershipsWithCars", json);
    }

    /** Table 2, lesson 5: cars and salespeople, in one JOIN or in one query per collection. */
    private void twoCollections() {
        Scale scale = options.scale();
        Loaded expected = new Loaded(scale.dealerships(), scale.cars(), scale.salespeople());
        long rowsNeeded = scale.cars() + scale.salespeople();
        List<Measurement> measured = measureAll(List.of(
                new Candidate("two collections in one JOIN", expected,
                        new TwoCollectionsInOneJoinRepository(recorded.factory())::findAllWithCarsAndSalespeople,
                        new TwoCollectionsInOneJoinRepository(timed.factory())::findAllWithCarsAndSalespeople, null),
                new Candidate("one query per collection", expected,
                        new OneQueryPerCollectionRepository(recorded.factory())::findAllWithCarsAndSalespeople,
                        new OneQueryPerCollectionRepository(timed.factory())::findAllWithCarsAndSalespeople, null)));
        Measurement oneJoin = measured.get(0);
        Measurement perCollection = measured.get(1);

        TextTable table = new TextTable("strategy", "statements", "rows read", "rows needed", "median ms");
        List<Map<String, Object>> json = new ArrayList<>();
        for (Measurement m : measured) {
            table.row(m.strategy(), count(m.statements()), count(m.rowsRead()), count(rowsNeeded), decimals(m.medianMs(), 1));
            Map<String, Object> row = m.toJson();
            row.put("rowsNeeded", rowsNeeded);
            json.add(row);
        }
        table.print("Two collections: cars and salespeople");
        System.out.println("  One JOIN pairs each car with each salesperson of its dealership: it read "
                + times((double) oneJoin.rowsRead() / rowsNeeded, 1) + " the rows needed,");
        System.out.println("  and took " + times(oneJoin.timeRelativeTo(perCollection), 1)
                + " the time of one query per collection.");
        report.put("twoCollections", json);
    }

    /** Table 3, lesson 6: a page of dealerships with their cars. */
    private void pageOfDealerships() {
        Page limitingTheJoin = page("LIMIT on the JOIN", mapper -> mapper.findPageLimitingTheJoin(0, PAGE_SIZE));
        Page parentsFirst = page("dealerships paged first", mapper -> mapper.findPageOfParentsFirst(0, PAGE_SIZE));
        long pageSize = Math.min(PAGE_SIZE, options.scale().dealerships());
        require(parentsFirst.strategy(),
                new Loaded(pageSize, pageSize * options.scale().carsPerDealership(), 0), parentsFirst.loaded());

        TextTable table = new TextTable("strategy", "dealerships returned", "cars returned", "statements");
        for (Page p : List.of(limitingTheJoin, parentsFirst)) {
            table.row(p.strategy(), count(p.loaded().dealerships()), count(p.loaded().cars()), count(p.statements()));
        }
        table.print("A page of " + PAGE_SIZE + " dealerships");
        Loaded cut = limitingTheJoin.loaded();
        Loaded whole = parentsFirst.loaded();
        System.out.println("  LIMIT " + PAGE_SIZE + " on the JOIN counts joined rows, not dealerships: it returned "
                + count(cut.dealerships()) + " of the page's " + count(whole.dealerships()) + " dealerships");
        System.out.println("  and " + count(cut.cars()) + " of its " + count(whole.cars()) + " cars.");
        report.put("pageOfDealerships", List.of(limitingTheJoin.toJson(), parentsFirst.toJson()));
    }

    /** A strategy of table 1, built over each set-up; it must return every dealership with every car. */
    private Candidate candidate(Function<Setup, DealershipRepository> strategy) {
        Scale scale = options.scale();
        DealershipRepository counted = strategy.apply(recorded);
        return new Candidate(counted.strategy(), new Loaded(scale.dealerships(), scale.cars(), 0),
                counted::findAllWithCars, strategy.apply(timed)::findAllWithCars, strategy.apply(far)::findAllWithCars);
    }

    /**
     * Runs each candidate once with the recorder, for its statements and rows; then times all of them together,
     * interleaved (see {@link Timing#measureInterleaved}), so that a slow moment of the machine does not land on one
     * of them alone. Every run's result is checked, so a wrong result cannot pass as a fast one.
     */
    private List<Measurement> measureAll(List<Candidate> candidates) {
        Map<String, Runnable> work = new LinkedHashMap<>();
        List<Integer> statements = new ArrayList<>();
        List<Long> rowsRead = new ArrayList<>();
        for (Candidate c : candidates) {
            recorder.reset();
            require(c.strategy(), c.expected(), Loaded.of(c.counted().get()));
            statements.add(recorder.count());
            rowsRead.add(recorder.rowsRead());
            work.put(c.strategy(), () -> require(c.strategy(), c.expected(), Loaded.of(c.timed().get())));
            if (c.far() != null) {
                work.put(c.strategy() + " far", () -> require(c.strategy(), c.expected(), Loaded.of(c.far().get())));
            }
        }
        Map<String, Timing.Sample> samples = Timing.measureInterleaved(work, options.warmups(), options.minWarmup(),
                options.runs());
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            String strategy = candidates.get(i).strategy();
            measurements.add(new Measurement(strategy, statements.get(i), rowsRead.get(i), samples.get(strategy),
                    samples.get(strategy + " far")));
        }
        return measurements;
    }

    /** One way of loading to compare: counted over the recorder, timed directly and (if not null) far away. */
    private record Candidate(String strategy, Loaded expected, Supplier<List<Dealership>> counted,
                             Supplier<List<Dealership>> timed, Supplier<List<Dealership>> far) {
    }

    private Page page(String strategy, Function<DealershipPageMapper, List<Dealership>> query) {
        recorder.reset();
        try (SqlSession session = recorded.factory().openSession()) {
            Loaded loaded = Loaded.of(query.apply(session.getMapper(DealershipPageMapper.class)));
            return new Page(strategy, loaded, recorder.count());
        }
    }

    private static void require(String strategy, Loaded expected, Loaded actual) {
        if (!actual.equals(expected)) {
            throw new IllegalStateException(strategy + " returned " + actual + ", expected " + expected);
        }
    }

    /** One way into the database: the data source itself for plain JDBC, and MyBatis over it. */
    private record Setup(DataSource dataSource, SqlSessionFactory factory) {

        static Setup over(DataSource dataSource) {
            return new Setup(dataSource, MyBatisBootstrap.sqlSessionFactory(dataSource, MYBATIS_CONFIG));
        }
    }

    /** What a strategy returned, counted. */
    private record Loaded(long dealerships, long cars, long salespeople) {

        static Loaded of(List<Dealership> dealerships) {
            return new Loaded(dealerships.size(),
                    dealerships.stream().mapToLong(d -> d.getCars().size()).sum(),
                    dealerships.stream().mapToLong(d -> d.getSalespeople().size()).sum());
        }
    }

    /**
     * What one strategy cost: counted once with the recorder, timed without it; {@code far} is timed through the
     * delay relay (table 1 only, else null).
     */
    private record Measurement(String strategy, int statements, long rowsRead, Timing.Sample sample,
                               Timing.Sample far) {

        double medianMs() {
            return sample.medianMillis();
        }

        double farMedianMs() {
            return far.medianMillis();
        }

        /** How many times as long as {@code other} this took, median to median. */
        double timeRelativeTo(Measurement other) {
            return medianMs() / other.medianMs();
        }

        double farTimeRelativeTo(Measurement other) {
            return farMedianMs() / other.farMedianMs();
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("strategy", strategy);
            json.put("statements", statements);
            json.put("rowsRead", rowsRead);
            json.put("medianMs", sample.medianMillis());
            json.put("minMs", sample.minMillis());
            json.put("maxMs", sample.maxMillis());
            json.put("runs", sample.runs());
            if (far != null) {
                json.put("farMedianMs", far.medianMillis());
                json.put("farMinMs", far.minMillis());
                json.put("farMaxMs", far.maxMillis());
            }
            return json;
        }
    }

    /** What one page query returned, and how many statements it took. */
    private record Page(String strategy, Loaded loaded, int statements) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("strategy", strategy);
            json.put("dealerships", loaded.dealerships());
            json.put("cars", loaded.cars());
            json.put("statements", statements);
            return json;
        }
    }

    /** The program arguments (see {@link DemoArguments}). */
    private record Options(Scale scale, int warmups, int runs, Duration roundTrip, Duration minWarmup) {

        static Options parse(String[] args) {
            Map<String, Integer> defaults = new LinkedHashMap<>();
            defaults.put("--dealerships", 1000);
            defaults.put("--cars", 20);
            defaults.put("--salespeople", 5);
            defaults.put("--runs", 7);
            defaults.put("--warmups", 3);
            defaults.put("--warmup-ms", 1500);
            defaults.put("--round-trip-us", 500);
            DemoArguments arguments = DemoArguments.parse(args, defaults);
            if (arguments.get("--dealerships") < 1 || arguments.get("--runs") < 1) {
                throw arguments.invalid("At least 1 dealership and 1 run.");
            }
            return new Options(
                    Scale.of(arguments.get("--dealerships"), arguments.get("--cars"), arguments.get("--salespeople")),
                    arguments.get("--warmups"), arguments.get("--runs"),
                    Duration.ofNanos(arguments.get("--round-trip-us") * 1000L),
                    Duration.ofMillis(arguments.get("--warmup-ms")));
        }
    }
}
