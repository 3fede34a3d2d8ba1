package dbworkbook.part2;

import static dbworkbook.common.demo.Figures.count;
import static dbworkbook.common.demo.Figures.decimals;
import static dbworkbook.common.demo.Figures.times;

import dbworkbook.common.Workbook;
import dbworkbook.common.PgStatStatements;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.DemoArguments;
import dbworkbook.common.demo.DemoReport;
import dbworkbook.common.demo.TextTable;
import dbworkbook.common.demo.Timing;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part2.ServerStatementStatistics.ServerStatement;
import dbworkbook.part2.mapper.CarSearchMapper;
import dbworkbook.part2.mapper.DealershipMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Chapter 2's demo: one workload, seen four ways. The SQL log of one call (lesson 1, with a correlation id, lesson 4);
 * the timing plugin's statements (lesson 3) beside the server's own counts from pg_stat_statements (lesson 5), which
 * must agree; and EXPLAIN of the slowest statement before and after an index (lesson 6), with its time measured.
 *
 * <p>Run: {@code ./mvnw -Pdemo package -pl part2-logging -am}. Change the scale with e.g.
 * {@code -Ddemo.args="--dealerships 2000 --cars 50 --lookups 500 --searches 50 --runs 7 --warmups 3 --warmup-ms 1500"}.
 */
public final class Part2Demo {

    private static final String MYBATIS_CONFIG = "dbworkbook/part2/mybatis-config.xml";
    private static final String SEARCH = "dbworkbook.part2.mapper.CarSearchMapper.findByMakeAndPriceRange";
    private static final List<String> MAKES = List.of("Toyota", "Honda", "Ford", "Volkswagen", "BMW", "Tesla", "Kia",
            "Renault");
    /** The search EXPLAIN looks at: Teslas priced 60,000 to 61,000, a fraction of a percent of the cars. */
    private static final Map<String, Object> EXPLAINED_SEARCH = Map.of(
            "make", "Tesla", "minPrice", new BigDecimal("60000"), "maxPrice", new BigDecimal("61000"));

    private final Options options;
    private final WorkbookDatabase db;
    private final SqlSessionFactory factory;
    private final StatementTimingInterceptor timing;
    private final DemoReport report = new DemoReport("part2-logging");

    private Part2Demo(Options options, WorkbookDatabase db) {
        this.options = options;
        this.db = db;
        DataSource pool = db.pooledDataSource("part2-demo", 4);
        this.factory = MyBatisBootstrap.sqlSessionFactory(pool, MYBATIS_CONFIG);
        this.timing = StatementTimingInterceptor.of(factory);
    }

    public static void main(String[] args) throws SQLException {
        Options options = Options.parse(args);
        try (Workbook workbook = Workbook.start();
             WorkbookDatabase db = workbook.createDatabase("part2-demo")) {
            new Part2Demo(options, db).run();
        }
    }

    private void run() throws SQLException {
        String server = db.workbook().server().description();
        System.out.println();
        System.out.println("Chapter 2, seeing and timing every statement");
        System.out.println("Server: " + server);
        report.put("server", server);
        loadData();
        logExcerpt();
        statementsSeenByPluginAndServer();
        explainBeforeAndAfterTheIndex();
        Path file = report.write("part2-logging-demo.json");
        System.out.println();
        System.out.println("JSON:   " + file.toAbsolutePath());
    }

    private void loadData() throws SQLException {
        Scale scale = options.scale();
        long start = System.nanoTime();
        try (Connection connection = db.connect()) {
            DataGenerator.populate(connection, scale);
        }
        double loadMs = (System.nanoTime() - start) / 1e6;
        System.out.println("Data:   " + count(scale.dealerships()) + " dealerships, " + count(scale.cars())
                + " cars, loaded in " + decimals(loadMs, 1) + " ms");
        report.put("scale", Map.of("dealerships", scale.dealerships(), "carsPerDealership", scale.carsPerDealership()));
        report.put("dataLoadMs", loadMs);
    }

    /** Lessons 1 and 4: the DEBUG lines of one mapper call, each with the unit of work's correlation id. */
    private void logExcerpt() {
        PatternLayout layout = PatternLayout.newBuilder()
                .withPattern("%-5level [%X{correlationId}] %c{1} - %msg").build();
        List<String> lines = new ArrayList<>();
        try (LogCapture log = LogCapture.of(Level.DEBUG, "dbworkbook.part2.mapper");
             CorrelationId.Scope request = CorrelationId.begin("demo-1");
             SqlSession session = factory.openSession()) {
            session.getMapper(CarSearchMapper.class).findByMakeAndPriceRange("Tesla", new BigDecimal("60000"),
                    new BigDecimal("60500"));
            log.events().forEach(event -> lines.add(layout.toSerializable(event)));
        }
        System.out.println();
        System.out.println("The log at DEBUG for one call of CarSearchMapper.findByMakeAndPriceRange "
                + "(logger: the statement's id; [the correlation id])");
        lines.forEach(line -> System.out.println("  " + line));
        report.put("logExcerpt", lines);
    }

    /** Lessons 3 and 5: the same workload counted by the plugin and by the server. */
    private void statementsSeenByPluginAndServer() throws SQLException {
        runWorkload(); // once to warm up (JIT, caches, the driver's prepared statements): not counted
        String unavailable;
        try (Connection connection = db.connect()) {
            unavailable = PgStatStatements.availability(connection);
            if (unavailable == null) {
                PgStatStatements.resetCurrentDatabase(connection);
            }
        }
        timing.reset();
        runWorkload();
        List<StatementSummary> client = timing.summaries();
        List<ServerStatement> server = unavailable == null ? serverStatements() : List.of();

        TextTable table = new TextTable("statement (plugin)", "count", "total ms", "mean ms", "p95 ms", "max ms",
                "server calls", "server total ms", "server mean ms", "rows", "agree");
        List<Map<String, Object>> json = new ArrayList<>();
        boolean allAgree = true;
        for (StatementSummary statement : client) {
            Optional<ServerStatement> seen = serverEntry(server, statement);
            boolean agree = seen.map(s -> s.calls() == statement.count()).orElse(false);
            allAgree &= agree;
            table.row(statement.shortId(), count(statement.count()), decimals(statement.totalMillis(), 1),
                    decimals(statement.meanMillis(), 3), decimals(statement.p95Millis(), 3), decimals(statement.maxMillis(), 3),
                    seen.map(s -> count(s.calls())).orElse("-"), seen.map(s -> decimals(s.totalMillis(), 1)).orElse("-"),
                    seen.map(s -> decimals(s.meanMillis(), 3)).orElse("-"), seen.map(s -> count(s.rows())).orElse("-"),
                    unavailable == null ? (agree ? "yes" : "NO") : "-");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("statementId", statement.statementId());
            row.put("count", statement.count());
            row.put("totalMs", statement.totalMillis());
            row.put("meanMs", statement.meanMillis());
            row.put("p95Ms", statement.p95Millis());
            row.put("maxMs", statement.maxMillis());
            seen.ifPresent(s -> {
                row.put("serverQuery", s.query());
                row.put("serverCalls", s.calls());
                row.put("serverTotalMs", s.totalMillis());
                row.put("serverMeanMs", s.meanMillis());
                row.put("serverRows", s.rows());
            });
            json.add(row);
        }
        table.print("One workload (" + workloadDescription() + "), largest total time first: the timing plugin "
                + "and, beside it, pg_stat_statements");
        if (unavailable != null) {
            System.out.println("  pg_stat_statements skipped: " + unavailable + ".");
            report.put("pgStatStatementsSkipped", unavailable);
        } else {
            System.out.println("  The plugin's counts and the server's calls " + (allAgree ? "agree" : "DO NOT agree")
                    + " for every statement. The plugin's time includes the round trip and");
            System.out.println("  reading the rows into objects; the server's is execution only.");
        }
        StatementSummary pluginTop = client.get(0);
        System.out.println("  Largest total in the plugin: " + pluginTop.shortId() + ".");
        if (unavailable == null) {
            client.stream().filter(c -> serverEntry(server, c).isPresent())
                    .max(Comparator.comparingDouble(c -> serverEntry(server, c).orElseThrow().totalMillis()))
                    .ifPresent(top -> System.out.println("  Largest total on the server: " + top.shortId()
                    + (top == pluginTop ? "." : ": the difference is the client's share (round trips, MyBatis "
                    + "building objects), which only the plugin sees.")));
        }
        report.put("statements", json);
        report.put("pluginAndServerAgree", unavailable == null ? allAgree : null);
    }

    private List<ServerStatement> serverStatements() throws SQLException {
        try (Connection connection = db.connect()) {
            return ServerStatementStatistics.currentDatabase(connection);
        }
    }

    private String workloadDescription() {
        return "all dealerships with their cars by nested select, " + count(options.lookups()) + " cars by id, "
                + count(options.searches()) + " searches by make and price";
    }

    /** The plugin's statements, the server's entries, and this is the one workload both counted. */
    private void runWorkload() {
        try (SqlSession session = factory.openSession()) {
            session.getMapper(DealershipMapper.class).findAllWithCars();
        }
        try (SqlSession session = factory.openSession()) {
            CarSearchMapper cars = session.getMapper(CarSearchMapper.class);
            // Distinct ids: a repeated id in one session would be answered from the local cache, without a statement.
            long step = Math.max(1, options.scale().cars() / Math.max(1, options.lookups()));
            for (int i = 0; i < options.lookups(); i++) {
                cars.findById(1 + (i * step) % options.scale().cars());
            }
            for (int i = 0; i < options.searches(); i++) {
                BigDecimal from = BigDecimal.valueOf(8000 + (i * 1237L) % 59000);
                cars.findByMakeAndPriceRange(MAKES.get(i % MAKES.size()), from, from.add(BigDecimal.valueOf(1000)));
            }
        }
    }

    private static Optional<ServerStatement> serverEntry(List<ServerStatement> server, StatementSummary statement) {
        String text = ServerStatementStatistics.asServerText(statement.sql());
        return server.stream().filter(s -> s.query().equals(text)).findFirst();
    }

    /** Lesson 6: the plan of the search, and its time, without and with an index on (make, price). */
    private void explainBeforeAndAfterTheIndex() throws SQLException {
        Measured before = measureTheSearch("no index");
        execute("CREATE INDEX car_make_price_idx ON car (make, price)", "ANALYZE car");
        Measured after = measureTheSearch("index on (make, price)");

        TextTable table = new TextTable("", "plan (scan nodes)", "buffers", "EXPLAIN ANALYZE ms", "median ms (client)",
                "cars");
        for (Measured m : List.of(before, after)) {
            table.row(m.label(), String.join(" + ", m.plan().scanNodes()), m.plan().buffers(),
                    decimals(m.plan().executionMillis(), 3), decimals(m.sample().medianMillis(), 3), count(m.cars()));
        }
        table.print("EXPLAIN (ANALYZE, BUFFERS) of CarSearchMapper.findByMakeAndPriceRange(Tesla, 60000, 61000), "
                + "the SQL and parameters from MyBatis' BoundSql");
        System.out.println("  With the index the search took " + times(after.sample().medianMillis()
                / before.sample().medianMillis(), 2) + " the time it took without (client median of "
                + options.runs() + " runs after warm-up; measured one after the other, not interleaved,");
        System.out.println("  since the index is either there or not). Same " + count(after.cars()) + " cars.");
        report.put("explain", List.of(before.toJson(), after.toJson()));
    }

    private Measured measureTheSearch(String label) throws SQLException {
        ExplainPlan plan;
        int cars;
        try (SqlSession session = factory.openSession()) {
            plan = ExplainPlan.of(session, SEARCH, EXPLAINED_SEARCH);
            cars = search().size();
        }
        Timing.Sample sample = Timing.measureInterleaved(Map.of(label, this::search), options.warmups(),
                options.minWarmup(), options.runs()).get(label);
        return new Measured(label, plan, sample, cars);
    }

    private List<?> search() {
        try (SqlSession session = factory.openSession()) {
            return session.getMapper(CarSearchMapper.class).findByMakeAndPriceRange(
                    (String) EXPLAINED_SEARCH.get("make"), (BigDecimal) EXPLAINED_SEARCH.get("minPrice"),
                    (BigDecimal) EXPLAINED_SEARCH.get("maxPrice"));
        }
    }

    private void execute(String... sql) throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    private record Measured(String label, ExplainPlan plan, Timing.Sample sample, int cars) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("label", label);
            json.put("scanNodes", plan.scanNodes());
            json.put("buffers", plan.buffers());
            json.put("explainExecutionMs", plan.executionMillis());
            json.put("medianMs", sample.medianMillis());
            json.put("minMs", sample.minMillis());
            json.put("maxMs", sample.maxMillis());
            json.put("runs", sample.runs());
            json.put("cars", cars);
            json.put("plan", plan.lines());
            return json;
        }
    }

    /** The program arguments (see {@link DemoArguments}). */
    private record Options(Scale scale, int lookups, int searches, int warmups, int runs, Duration minWarmup) {

        static Options parse(String[] args) {
            Map<String, Integer> defaults = new LinkedHashMap<>();
            defaults.put("--dealerships", 2000);
            defaults.put("--cars", 50);
            defaults.put("--lookups", 500);
            defaults.put("--searches", 50);
            defaults.put("--runs", 7);
            defaults.put("--warmups", 3);
            defaults.put("--warmup-ms", 1500);
            DemoArguments arguments = DemoArguments.parse(args, defaults);
            if (arguments.get("--dealerships") < 1 || arguments.get("--cars") < 1 || arguments.get("--runs") < 1) {
                throw arguments.invalid("At least 1 dealership, 1 car each and 1 run.");
            }
            return new Options(Scale.of(arguments.get("--dealerships"), arguments.get("--cars"), 0),
                    arguments.get("--lookups"), arguments.get("--searches"), arguments.get("--warmups"),
                    arguments.get("--runs"), Duration.ofMillis(arguments.get("--warmup-ms")));
        }
    }
}
