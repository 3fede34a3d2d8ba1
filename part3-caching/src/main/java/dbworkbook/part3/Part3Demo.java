package dbworkbook.part3;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.Workbook;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.DemoArguments;
import dbworkbook.common.demo.DemoReport;
import dbworkbook.common.demo.NetworkDelayProxy;
import dbworkbook.common.demo.RoundTrips;
import dbworkbook.common.demo.TextTable;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;

/**
 * Chapter 3's demo: one workload per layer of reuse, with what each setting runs and what it costs.
 * <ol>
 *   <li>Executor types: inserts with SIMPLE, REUSE, BATCH and BATCH with {@code reWriteBatchedInserts}: statements
 *       MyBatis prepared (its log), JDBC executions (the statement recorder), INSERTs the server executed
 *       ({@code pg_stat_statements}, where available), and the time: directly, and through a
 *       {@link NetworkDelayProxy} that adds a round-trip time (0.5 ms by default), as between two machines.</li>
 *   <li>{@code prepareThreshold} 0, 5 and -1: primary-key lookups on one connection, the server-side prepared
 *       statements it then holds ({@code pg_prepared_statements}), and the time.</li>
 *   <li>Caches: the same lookups of a few dealerships in many sessions, without the second-level cache, with it
 *       (read/write and read-only), with one too small, and all in one session (first-level cache only).</li>
 * </ol>
 * Counts come from one run with the recorder and log capture; times from separate runs without them (median after
 * warm-up, interleaved: see {@link Timing}).
 *
 * <p>Run: {@code ./mvnw -Pdemo -pl part3-caching -am package}; scale it with e.g.
 * {@code -Ddemo.args="--rows 10000 --timed-rows 1000 --lookups 1000 --runs 5 --warmups 2 --warmup-ms 3000 --round-trip-us 500"}.
 */
public final class Part3Demo {

    private static final int DEALERSHIPS = 100;
    private static final int CARS_PER_DEALERSHIP = 10;
    private static final int DISTINCT_DEALERSHIPS_LOOKED_UP = 10;

    private final Options options;
    private final WorkbookDatabase db;
    private final NetworkDelayProxy relay;
    private final boolean serverStatistics;
    private final List<HikariDataSource> relayedPools = new ArrayList<>();
    private final DemoReport report = new DemoReport("part3-caching");

    private Part3Demo(Options options, WorkbookDatabase db, NetworkDelayProxy relay, boolean serverStatistics) {
        this.options = options;
        this.db = db;
        this.relay = relay;
        this.serverStatistics = serverStatistics;
    }

    public static void main(String[] args) throws SQLException, IOException {
        Options options = Options.parse(args);
        acceptOnlyTheWorkbooksClassesWhenDeserializing();
        try (Workbook workbook = Workbook.start();
             WorkbookDatabase db = workbook.createDatabase("part3-demo");
             NetworkDelayProxy relay = NetworkDelayProxy.start(workbook.server().address(), options.roundTrip())) {
            DataGenerator.populate(db.pooledDataSource("part3-demo-loader", 1),
                    Scale.of(DEALERSHIPS, CARS_PER_DEALERSHIP, 0));
            String unavailable = ServerStatementStatistics.availability(db);
            boolean serverStatistics = unavailable == null;
            if (!serverStatistics) {
                System.out.println("Skipped: server-side INSERT counts (" + unavailable + ").");
            }
            new Part3Demo(options, db, relay, serverStatistics).run();
        }
    }

    /**
     * A read/write second-level cache copies by serialization, so every cache hit deserializes. Deserializing is
     * where untrusted bytes turn into code paths (JEP 290); MyBatis warns unless a filter says which classes may
     * come out. The cache holds the domain classes and JDK types only, so that is all this filter accepts.
     * (Set it for your application with -Djdk.serialFilter=...; the tests set it in the module's pom.)
     */
    private static void acceptOnlyTheWorkbooksClassesWhenDeserializing() {
        if (ObjectInputFilter.Config.getSerialFilter() == null) {
            ObjectInputFilter.Config.setSerialFilter(ObjectInputFilter.Config.createFilter(Part3.SERIAL_FILTER));
        }
    }

    private void run() throws SQLException {
        String server = db.workbook().server().description();
        System.out.println();
        System.out.println("Chapter 3, statement reuse and caches: what each layer saves");
        System.out.println("Server: " + server);
        System.out.println("Times:  median of " + options.runs() + " runs after at least " + options.warmups()
                + " warm-up runs and " + options.minWarmup().toMillis() + " ms of warming up, interleaved;");
        System.out.println("        counts from one more run with the statement recorder and MyBatis' log.");
        report.put("server", server);
        report.put("runs", options.runs());
        report.put("warmups", options.warmups());
        report.put("minWarmupMs", options.minWarmup().toMillis());
        try {
            executorTypes();
        } finally {
            relayedPools.forEach(HikariDataSource::close);
        }
        prepareThresholds();
        caches();
        Path file = report.write("part3-caching-demo.json");
        System.out.println();
        System.out.println("JSON:   " + file.toAbsolutePath());
    }

    // ---- 1. executor types ------------------------------------------------------------------------------------

    private record InsertSetup(String name, ExecutorType executorType, boolean reWriteBatchedInserts) {
    }

    /** What one executor setting ran for the counted inserts; {@code insertsOnServer} is -1 if not known. */
    private record InsertCounts(long prepared, long jdbcExecutions, long insertsOnServer) {
    }

    private static final String RELAYED = " (relayed)";

    private static final List<InsertSetup> INSERT_SETUPS = List.of(
            new InsertSetup("SIMPLE", ExecutorType.SIMPLE, false),
            new InsertSetup("REUSE", ExecutorType.REUSE, false),
            new InsertSetup("BATCH", ExecutorType.BATCH, false),
            new InsertSetup("BATCH + reWriteBatchedInserts", ExecutorType.BATCH, true));

    private void executorTypes() throws SQLException {
        System.out.println();
        System.out.println("1. Executor types: " + count(options.rows()) + " inserts counted, "
                + count(options.timedRows()) + " inserts timed (each run rolled back)");
        double addedPerRoundTrip = addedRoundTripMillis();
        System.out.println("   A round trip (SELECT 1) takes " + decimals(addedPerRoundTrip, 2) + " ms longer through a relay "
                + "set to add " + decimals(options.roundTrip().toNanos() / 1e6, 2) + " ms (as to another machine nearby).");
        TextTable table = new TextTable("executor", "prepared (log)", "JDBC executions", "INSERTs on server",
                "median ms", "x SIMPLE", "relayed ms", "x SIMPLE relayed");
        Map<String, Runnable> timed = new LinkedHashMap<>();
        List<Map<String, Object>> json = new ArrayList<>();
        Map<String, InsertCounts> counts = new LinkedHashMap<>();
        for (InsertSetup setup : INSERT_SETUPS) {
            DataSource pool = db.pooledDataSource("demo-" + setup.name().replace(' ', '-'), config -> {
                config.setMaximumPoolSize(1);
                config.addDataSourceProperty("reWriteBatchedInserts", String.valueOf(setup.reWriteBatchedInserts()));
            });
            StatementRecorder recorder = new StatementRecorder();
            SqlSessionFactory counted = MyBatisBootstrap.sqlSessionFactory(recorder.record(pool), Part3.MYBATIS_CONFIG);
            long prepared;
            if (serverStatistics) {
                ServerStatementStatistics.reset(db);
            }
            try (LogCapture log = LogCapture.of(Level.DEBUG, "dbworkbook.part3.CarMapper")) {
                insertAndRollBack(counted, setup.executorType(), NewCars.of(options.rows(), 1, "demo"));
                prepared = log.messages().stream().filter(line -> line.contains("Preparing:")).count();
            }
            long onServer = serverStatistics ? ServerStatementStatistics.executionsOf(db, "INSERT INTO car") : -1;
            counts.put(setup.name(), new InsertCounts(prepared, recorder.count(), onServer));
            SqlSessionFactory direct = MyBatisBootstrap.sqlSessionFactory(pool, Part3.MYBATIS_CONFIG);
            List<Car> cars = NewCars.of(options.timedRows(), 1, "demo");
            timed.put(setup.name(), () -> insertAndRollBack(direct, setup.executorType(), cars));
            SqlSessionFactory far = MyBatisBootstrap.sqlSessionFactory(relayedPool(setup), Part3.MYBATIS_CONFIG);
            timed.put(setup.name() + RELAYED, () -> insertAndRollBack(far, setup.executorType(), cars));
        }
        Map<String, Timing.Sample> samples = measure(timed);
        double simple = samples.get("SIMPLE").medianMillis();
        double simpleRelayed = samples.get("SIMPLE" + RELAYED).medianMillis();
        counts.forEach((name, c) -> {
            double median = samples.get(name).medianMillis();
            double relayed = samples.get(name + RELAYED).medianMillis();
            table.row(name, count(c.prepared()), count(c.jdbcExecutions()),
                    c.insertsOnServer() < 0 ? "skipped" : count(c.insertsOnServer()), decimals(median, 1),
                    times(median / simple, 2), decimals(relayed, 1), times(relayed / simpleRelayed, 2));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("executor", name);
            row.put("rowsCounted", options.rows());
            row.put("statementsPrepared", c.prepared());
            row.put("jdbcExecutions", c.jdbcExecutions());
            row.put("insertsExecutedOnServer", c.insertsOnServer() < 0 ? null : c.insertsOnServer());
            row.put("rowsTimed", options.timedRows());
            row.put("medianMs", median);
            row.put("ratioToSimple", median / simple);
            row.put("relayedMedianMs", relayed);
            row.put("relayedRatioToSimple", relayed / simpleRelayed);
            json.add(row);
        });
        System.out.print(table.render());
        System.out.println("  (relayed: the same inserts through the relay. An insert that waits for its answer pays the "
                + "round trip; a batch does not wait per row)");
        report.put("addedRoundTripMs", addedPerRoundTrip);
        report.put("executorTypes", json);
    }

    /** What a relay round trip adds, measured: the median of SELECT 1 through the relay minus directly. */
    private double addedRoundTripMillis() {
        DataSource direct = db.pooledDataSource("demo-select-1", 1);
        HikariDataSource far = relayedPool(new InsertSetup("select-1", ExecutorType.SIMPLE, false));
        return RoundTrips.measure(direct, far, options.minWarmup()).addedMillis();
    }


    /**
     * A pool of one connection to the demo's database through the delay relay, with the setup's driver setting.
     * Closed when the executor-type part is done (before the relay stops), so no pool is left talking to it.
     */
    private HikariDataSource relayedPool(InsertSetup setup) {
        HikariDataSource pool = db.pooledDataSourceThrough(relay.address(),
                "demo-relayed-" + setup.name().replace(' ', '-'), config -> {
                    config.setMaximumPoolSize(1);
                    config.addDataSourceProperty("reWriteBatchedInserts", String.valueOf(setup.reWriteBatchedInserts()));
                });
        relayedPools.add(pool);
        return pool;
    }

    /** Inserts without reading the ids back: the driver rewrites only such inserts (see BatchRewriteTest). */
    private static void insertAndRollBack(SqlSessionFactory factory, ExecutorType type, List<Car> cars) {
        try (SqlSession session = factory.openSession(type)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            for (Car car : cars) {
                mapper.insertWithoutId(car);
            }
            session.flushStatements();
            session.rollback(true);
        }
    }

    // ---- 2. prepareThreshold ----------------------------------------------------------------------------------

    private void prepareThresholds() {
        System.out.println();
        System.out.println("2. prepareThreshold: " + count(options.lookups()) + " car lookups by id, a new SIMPLE "
                + "session each, on a pool of one connection");
        TextTable table = new TextTable("prepareThreshold", "lookup prepared on server", "median ms",
                "x threshold 0");
        Map<String, Runnable> timed = new LinkedHashMap<>();
        Map<String, DataSource> pools = new LinkedHashMap<>();
        for (String threshold : List.of("0", "5", "-1")) {
            DataSource pool = db.pooledDataSource("demo-threshold" + threshold, config -> {
                config.setMaximumPoolSize(1);
                config.addDataSourceProperty("prepareThreshold", threshold);
            });
            pools.put(threshold, pool);
            SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(pool, Part3.MYBATIS_CONFIG);
            timed.put(threshold, () -> lookUpCars(factory, options.lookups()));
        }
        Map<String, Timing.Sample> samples = measure(timed);
        double never = samples.get("0").medianMillis();
        List<Map<String, Object>> json = new ArrayList<>();
        pools.forEach((threshold, pool) -> {
            long prepared = serverPreparedStatements(pool);
            double median = samples.get(threshold).medianMillis();
            table.row(threshold + (threshold.equals("5") ? " (default)" : ""), count(prepared), decimals(median, 1),
                    times(median / never, 2));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("prepareThreshold", Integer.parseInt(threshold));
            row.put("lookupPreparedOnServer", prepared);
            row.put("lookups", options.lookups());
            row.put("medianMs", median);
            row.put("ratioToThreshold0", median / never);
            json.add(row);
        });
        System.out.print(table.render());
        System.out.println("  (lookup prepared on server: the car lookup's rows in pg_prepared_statements on the "
                + "pool's one connection, after all runs)");
        report.put("prepareThreshold", json);
    }

    private static void lookUpCars(SqlSessionFactory factory, int lookups) {
        for (int i = 0; i < lookups; i++) {
            try (SqlSession session = factory.openSession(ExecutorType.SIMPLE)) {
                session.getMapper(CarMapper.class).findById(1 + i % (DEALERSHIPS * CARS_PER_DEALERSHIP));
            }
        }
    }

    private static long serverPreparedStatements(DataSource pool) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_prepared_statements "
                     + "WHERE statement LIKE '%FROM car WHERE id = $1%' "
                     + "AND statement NOT LIKE '%pg_prepared_statements%'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read pg_prepared_statements: " + e.getMessage(), e);
        }
    }

    // ---- 3. caches ---------------------------------------------------------------------------------------------

    private record CacheSetup(String name, String namespace, boolean oneSession,
                              Function<SqlSession, Function<Long, Object>> lookup) {
    }

    private static final List<CacheSetup> CACHE_SETUPS = List.of(
            new CacheSetup("no second-level cache", null, false,
                    session -> id -> session.getMapper(DealershipAdminMapper.class).findById(id)),
            new CacheSetup("<cache/> read/write (copies)", "dbworkbook.part3.DealershipLookupMapper", false,
                    session -> id -> session.getMapper(DealershipLookupMapper.class).findById(id)),
            new CacheSetup("<cache readOnly=\"true\"/>", "dbworkbook.part3.ReadOnlyCacheDealershipMapper", false,
                    session -> id -> session.getMapper(ReadOnlyCacheDealershipMapper.class).findById(id)),
            new CacheSetup("<cache size=\"2\"/> (LRU, too small)", "dbworkbook.part3.TinyCacheDealershipMapper", false,
                    session -> id -> session.getMapper(TinyCacheDealershipMapper.class).findById(id)),
            new CacheSetup("all in one session (local cache)", null, true,
                    session -> id -> session.getMapper(DealershipAdminMapper.class).findById(id)));

    private void caches() {
        int sessions = options.lookups() / DISTINCT_DEALERSHIPS_LOOKED_UP;
        System.out.println();
        System.out.println("3. Caches: " + count(options.lookups()) + " dealership lookups, " + count(sessions)
                + " sessions x the same " + DISTINCT_DEALERSHIPS_LOOKED_UP + " dealerships");
        TextTable table = new TextTable("setting", "statements", "cache hit ratio", "median ms", "x no cache");
        DataSource pool = db.pooledDataSource("demo-caches", 1);
        Map<String, Runnable> timed = new LinkedHashMap<>();
        Map<String, Integer> statements = new LinkedHashMap<>();
        Map<String, String> hitRatios = new LinkedHashMap<>();
        for (CacheSetup setup : CACHE_SETUPS) {
            // A new factory, so its caches start empty: the counts include filling them.
            StatementRecorder recorder = new StatementRecorder();
            SqlSessionFactory counted = MyBatisBootstrap.sqlSessionFactory(recorder.record(pool), Part3.MYBATIS_CONFIG);
            String ratio = "-";
            if (setup.namespace() == null) {
                runLookups(counted, setup, sessions);
            } else {
                try (LogCapture log = LogCapture.of(Level.DEBUG, setup.namespace())) {
                    runLookups(counted, setup, sessions);
                    List<String> ratios = log.messages().stream().filter(line -> line.startsWith("Cache Hit Ratio"))
                            .toList();
                    ratio = ratios.isEmpty() ? "-" : String.format(Locale.ROOT, "%.3f",
                            Double.parseDouble(ratios.get(ratios.size() - 1).replaceAll(".*: ", "")));
                }
            }
            statements.put(setup.name(), recorder.count());
            hitRatios.put(setup.name(), ratio);
            // Timed on another factory, warmed up like a running application's.
            SqlSessionFactory direct = MyBatisBootstrap.sqlSessionFactory(pool, Part3.MYBATIS_CONFIG);
            timed.put(setup.name(), () -> runLookups(direct, setup, sessions));
        }
        Map<String, Timing.Sample> samples = measure(timed);
        double noCache = samples.get("no second-level cache").medianMillis();
        List<Map<String, Object>> json = new ArrayList<>();
        statements.forEach((name, n) -> {
            double median = samples.get(name).medianMillis();
            table.row(name, count(n), hitRatios.get(name), decimals(median, 1), times(median / noCache, 2));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("setting", name);
            row.put("lookups", options.lookups());
            row.put("sessions", name.startsWith("all in one") ? 1 : sessions);
            row.put("statements", n);
            row.put("cacheHitRatio", hitRatios.get(name).equals("-") ? null : Double.parseDouble(hitRatios.get(name)));
            row.put("medianMs", median);
            row.put("ratioToNoCache", median / noCache);
            json.add(row);
        });
        System.out.print(table.render());
        System.out.println("  (statements and hit ratio from empty caches; times with the caches warm)");
        report.put("caches", json);
    }

    private static void runLookups(SqlSessionFactory factory, CacheSetup setup, int sessions) {
        if (setup.oneSession()) {
            try (SqlSession session = factory.openSession()) {
                Function<Long, Object> lookup = setup.lookup().apply(session);
                for (int i = 0; i < sessions; i++) {
                    lookUpDealerships(lookup);
                }
            }
            return;
        }
        for (int i = 0; i < sessions; i++) {
            try (SqlSession session = factory.openSession()) {
                lookUpDealerships(setup.lookup().apply(session));
            }
        }
    }

    private static void lookUpDealerships(Function<Long, Object> lookup) {
        for (long id = 1; id <= DISTINCT_DEALERSHIPS_LOOKED_UP; id++) {
            lookup.apply(id);
        }
    }

    // ---- formatting and options -------------------------------------------------------------------------------

    private Map<String, Timing.Sample> measure(Map<String, Runnable> work) {
        return Timing.measureInterleaved(work, options.warmups(), options.minWarmup(), options.runs());
    }

    /** The program arguments (see {@link DemoArguments}). */
    private record Options(int rows, int timedRows, int lookups, int runs, int warmups, Duration minWarmup,
                           Duration roundTrip) {

        static Options parse(String[] args) {
            Map<String, Integer> defaults = new LinkedHashMap<>();
            defaults.put("--rows", 10_000);
            defaults.put("--timed-rows", 1_000);
            defaults.put("--lookups", 1_000);
            defaults.put("--runs", 5);
            defaults.put("--warmups", 2);
            defaults.put("--warmup-ms", 3000);
            defaults.put("--round-trip-us", 500);
            DemoArguments arguments = DemoArguments.parse(args, defaults);
            if (arguments.get("--runs") < 1 || arguments.get("--rows") < 1 || arguments.get("--timed-rows") < 1
                    || arguments.get("--lookups") < DISTINCT_DEALERSHIPS_LOOKED_UP
                    || arguments.get("--round-trip-us") < 1) {
                throw arguments.invalid("At least 1 run, 1 row, " + DISTINCT_DEALERSHIPS_LOOKED_UP
                        + " lookups and a round trip of 1 us.");
            }
            return new Options(arguments.get("--rows"), arguments.get("--timed-rows"), arguments.get("--lookups"),
                    arguments.get("--runs"), arguments.get("--warmups"), Duration.ofMillis(arguments.get("--warmup-ms")),
                    Duration.ofNanos(arguments.get("--round-trip-us") * 1000L));
        }
    }
}
