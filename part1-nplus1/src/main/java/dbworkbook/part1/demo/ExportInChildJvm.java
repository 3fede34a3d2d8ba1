package dbworkbook.part1.demo;

import dbworkbook.common.ChildJvm;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.WorkbookServer;
import dbworkbook.common.domain.Car;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part1.CarExport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.apache.ibatis.session.SqlSessionFactory;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.GT;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * {@link CarExport}s run in a JVM of their own, with a heap of a chosen size: how each ended (every car handed on, out
 * of heap, or another error), what it handed on, how long it took, the heap it held, and the settings its statements
 * ran with (auto-commit, fetch size). Lesson 10's test, exercise 1.4's contract and the demo's {@link LargeResults}
 * all run exports this way: only a heap of its own has a size that means something.
 *
 * <p>The heap an export holds is measured when its first car reaches the consumer: a full collection then (the
 * serial collector's, done when {@code System.gc()} returns) leaves only what is still reachable, and the heap in use
 * above what was in use before the export began (after a full collection too) is what the export holds. That is the
 * moment that tells the three ways apart: {@code selectList} holds every car before it hands on the first, PgJDBC
 * under auto-commit holds every row before the cursor maps the first, a streaming cursor holds one fetch; none of
 * them holds more later (the consumer keeps nothing). An export that collected the cars as it handed them on would,
 * and only a heap too small for them shows it: that is what the tests' small heap is for. The collection's pause is
 * left out of the export's time.
 */
public final class ExportInChildJvm {

    /** How an export ended. */
    public enum Ending {
        /** It returned: every car it handed on is counted. */
        EXPORTED,
        /** It ran out of heap: an {@link OutOfMemoryError}, or PgJDBC's SQLSTATE 53200 wrapped around one. */
        OUT_OF_HEAP,
        /** It threw something else, or could not start. */
        FAILED,
        /** It did not end within the launch's time limit, and was stopped. */
        TIMED_OUT
    }

    /** The settings a statement was executed with, read from the JDBC statement and its connection. */
    public record StatementSettings(boolean autoCommit, int fetchSize, int resultSetType, String sql) {

        /** What PgJDBC needs to fetch the result in pieces rather than read it whole. */
        public boolean streamable() {
            return !autoCommit && fetchSize > 0 && resultSetType == java.sql.ResultSet.TYPE_FORWARD_ONLY;
        }
    }

    /**
     * What came of one export.
     *
     * @param totals         what the export handed on (also when it ended early)
     * @param baselineBytes  the heap in use before the export began, after a full collection: what the JVM, MyBatis
     *                       and the driver hold anyway (and, in a JVM that ran other exports first, proof that they
     *                       left nothing behind)
     * @param heldAtFirstCarBytes the heap held when the first car reached the consumer, above the baseline (see the
     *                       class comment); -1 if no car did
     * @param sqlState       the SQLSTATE of the exception it ended with, if any (53200: the driver ran out of memory)
     * @param where          the first line of the export's own code in the stack of what it ended with, if any
     * @param error          what it ended with, in one line, if it did not return
     * @param statements     the first statements it ran, with their settings
     * @param lastStatement  the last statement it ran (the one it ran out of heap in, if it did), or null
     * @param statementCount how many statements it ran in all
     * @param output         what the JVM printed
     */
    public record Outcome(Ending ending, Totals totals, double millis, long baselineBytes, long heldAtFirstCarBytes,
                          String sqlState, String where, String error, List<StatementSettings> statements,
                          StatementSettings lastStatement, int statementCount, List<String> output) {
    }

    /**
     * What an export handed on: how many cars, the sum of their prices, and a checksum of every column of every car
     * that depends on their order.
     */
    public record Totals(long cars, BigDecimal priceSum, long checksum) {

        public static final Totals NONE = new Totals(0, BigDecimal.ZERO, 0);

        public Totals plus(Car car) {
            BigDecimal price = car.getPrice() == null ? null : car.getPrice().stripTrailingZeros();
            long hash = Objects.hash(car.getId(), car.getDealershipId(), car.getMake(), car.getModel(), car.getYear(),
                    price == null ? null : price.toPlainString(), car.isSold());
            return new Totals(cars + 1, car.getPrice() == null ? priceSum : priceSum.add(car.getPrice()),
                    checksum * 1_000_003L + hash);
        }
    }

    /** How to start the child: its heap, its JIT, and how long it may take. */
    public record Launch(int heapMegabytes, boolean quickStart, long timeoutSeconds) {

        /** For a test with one export: a JVM that starts fast (the JIT's first tier only), and a minute at most. */
        public static Launch quick(int heapMegabytes) {
            return new Launch(heapMegabytes, true, 60);
        }

        /** For many exports, and for the demo's times: the JIT as an application has it. */
        public static Launch timed(int heapMegabytes) {
            return new Launch(heapMegabytes, false, 120);
        }
    }

    /**
     * One export for the child to run: a {@link CarExport} class (with a constructor taking a SqlSessionFactory);
     * the schemas to look for its tables in ({@code search_path}), or null for the database's own; and the folder of
     * classes compiled at run time that it comes from (an exercise's answer), or null for the class path.
     */
    public record Run(String exportClass, String searchPath, Path classes) {

        public static Run of(String exportClass) {
            return new Run(exportClass, null, null);
        }

        /** An answer's class, from the folder it was compiled into. */
        public static Run compiledIn(Path classes, String exportClass) {
            return new Run(exportClass, null, classes);
        }

        static Run inSchemas(String exportClass, String searchPath) {
            return new Run(exportClass, searchPath, null);
        }
    }

    static final String CONFIG = "dbworkbook/part1/mybatis-config.xml";
    private static final String PREFIX = "export-child.";
    private static final String NONE = "-";
    private static final int STATEMENTS_KEPT = 5;

    private ExportInChildJvm() {
    }

    /** Runs one export in a JVM of its own on {@code database}. */
    public static Outcome run(WorkbookDatabase database, Run run, Launch launch) {
        return run(database, List.of(run), launch).get(0);
    }

    /**
     * Runs several exports one after another in one JVM of its own, each with a MyBatis and a DataSource of its own
     * (and an answer's classes in a class loader of their own), each after a full collection that leaves the heap as
     * the JVM itself needs it: many exports at the cost of one JVM's start. An export that runs out of heap leaves
     * nothing behind for the next (what it held is garbage once it has thrown; each outcome's baseline shows it), but
     * the JVM's compiled code is shared: the later exports' times are those of a warm JVM.
     */
    public static List<Outcome> run(WorkbookDatabase database, List<Run> runs, Launch launch) {
        WorkbookServer server = database.workbook().server();
        // The serial collector's full collections measure the heap (see HeapAtFirstCar): compacting every time
        // (MarkSweepDeadRatio=0, or up to 5% of the heap of dead objects may be left in place and counted as used)
        // and clearing soft references every time (or the JDK's caches are kept by one and dropped by the next).
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + launch.heapMegabytes() + "m", "-XX:+UseSerialGC",
                "-XX:MarkSweepDeadRatio=0", "-XX:SoftRefLRUPolicyMSPerMB=0"));
        if (launch.quickStart()) {
            jvm.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        }
        List<String> arguments = new ArrayList<>(List.of(database.jdbcUrl(), server.user()));
        for (Run run : runs) {
            arguments.add(run.exportClass());
            arguments.add(run.searchPath() == null ? NONE : run.searchPath());
            arguments.add(run.classes() == null ? NONE : run.classes().toAbsolutePath().toString());
        }
        ChildJvm.Result result;
        try {
            result = ChildJvm.runWithOwnOptions(ExportInChildJvm.class, jvm, arguments,
                    server.password().isEmpty() ? Map.of() : Map.of("WORKBOOK_JDBC_PASSWORD", server.password()),
                    launch.timeoutSeconds());
        } catch (IllegalStateException e) { // ChildJvm's "did not finish within"
            Outcome timedOut = new Outcome(Ending.TIMED_OUT, Totals.NONE, launch.timeoutSeconds() * 1000.0, -1, -1,
                    null, null, e.getMessage(), List.of(), null, 0, List.of());
            return runs.stream().map(run -> timedOut).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a JVM for the export: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the export ran", e);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            outcomes.add(parse(result, i));
        }
        return outcomes;
    }

    private static Outcome parse(ChildJvm.Result result, int index) {
        String prefix = PREFIX + index + ".";
        Map<String, String> values = new LinkedHashMap<>();
        List<StatementSettings> statements = new ArrayList<>();
        StatementSettings last = null;
        for (String line : result.lines()) {
            if (!line.startsWith(prefix) || !line.contains("=")) {
                continue;
            }
            String key = line.substring(prefix.length(), line.indexOf('='));
            String value = line.substring(line.indexOf('=') + 1);
            if (key.equals("statement") || key.equals("lastStatement")) {
                String[] fields = value.split(",", 4);
                StatementSettings settings = new StatementSettings(Boolean.parseBoolean(fields[0]),
                        Integer.parseInt(fields[1]), Integer.parseInt(fields[2]), fields[3]);
                if (key.equals("statement")) {
                    statements.add(settings);
                } else {
                    last = settings;
                }
            } else {
                values.put(key, value);
            }
        }
        if (!values.containsKey("ending")) {
            return new Outcome(Ending.FAILED, Totals.NONE, 0, -1, -1, null, null, "the JVM of the export ended (exit "
                    + result.exitCode() + ") without saying how the export went. Its last lines:"
                    + System.lineSeparator() + result.lastLines(10), statements, last, statements.size(),
                    result.lines());
        }
        Totals totals = new Totals(Long.parseLong(values.get("cars")), new BigDecimal(values.get("priceSum")),
                Long.parseLong(values.get("checksum")));
        return new Outcome(Ending.valueOf(values.get("ending")), totals, Double.parseDouble(values.get("millis")),
                Long.parseLong(values.get("baselineBytes")), Long.parseLong(values.get("heldAtFirstCarBytes")),
                values.get("sqlState"), values.get("where"), values.get("error"), statements, last,
                Integer.parseInt(values.getOrDefault("statementCount", "0")), result.lines());
    }

    /**
     * The child's side. Arguments: the JDBC URL of the database, the user, then for each export its class, its
     * search path and the folder of its classes ({@value #NONE} for none); the password, if any, in
     * WORKBOOK_JDBC_PASSWORD.
     */
    public static void main(String[] args) {
        // PgJDBC reports a result too large for the heap as a PSQLException (53200), its message translated by GT.
        // Made for the first time while the heap is full, such a class's static set-up can fail itself, and the JVM
        // then refuses the class to every later export: an answer that streams would fail for the one before it.
        // So they are set up first, with heap to spare.
        new PSQLException(GT.tr("set up before any export"), PSQLState.OUT_OF_MEMORY).getSQLState();
        // And one connection, opened and closed: what the driver keeps after its first login (a password
        // exchange's state, on a server that asks for one) is then in the heap before the first export begins.
        try (Connection first = dataSource(args[0], args[1], null).getConnection()) {
            first.isValid(1);
        } catch (SQLException e) {
            // every export reports it, each in its own words
        }
        for (int i = 0; 2 + 3 * i + 2 < args.length; i++) {
            String searchPath = args[3 + 3 * i];
            String classes = args[4 + 3 * i];
            export(i, args[0], args[1], new Run(args[2 + 3 * i], searchPath.equals(NONE) ? null : searchPath,
                    classes.equals(NONE) ? null : Path.of(classes)));
        }
    }

    private static void export(int index, String url, String user, Run run) {
        StatementLog log = new StatementLog();
        Report report = new Report(index, log);
        CarExport export;
        try {
            export = newExport(run, MyBatisBootstrap.sqlSessionFactory(
                    log.record(dataSource(url, user, run.searchPath())), CONFIG));
        } catch (Exception | LinkageError e) {
            report.print(Ending.FAILED, Totals.NONE, 0, -1, -1, null, null, "could not start: " + oneLine(e));
            return;
        }
        HeapAtFirstCar sink = new HeapAtFirstCar();
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            export.exportAll(sink);
        } catch (Throwable e) {
            thrown = e;
        }
        double millis = (System.nanoTime() - start - sink.measuringNanos) / 1e6;
        if (thrown == null) {
            report.print(Ending.EXPORTED, sink.totals, millis, sink.baseline, sink.held, null, null, null);
            return;
        }
        boolean outOfHeap = causes(thrown).anyMatch(t -> t instanceof OutOfMemoryError)
                || "53200".equals(sqlState(thrown));
        report.print(outOfHeap ? Ending.OUT_OF_HEAP : Ending.FAILED, sink.totals, millis, sink.baseline, sink.held,
                sqlState(thrown), where(thrown, run.exportClass()), oneLine(thrown));
    }

    /**
     * The driver's own DataSource, without a pool: a connection per session, closed with it. No thread of its own,
     * and nothing with a finalizer (MyBatis' PooledDataSource has one), which would keep an export's objects alive
     * past the collections that measure the next.
     */
    private static DataSource dataSource(String url, String user, String searchPath) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        String password = System.getenv("WORKBOOK_JDBC_PASSWORD");
        if (password != null && !password.isEmpty()) {
            dataSource.setPassword(password);
        }
        dataSource.setApplicationName("workbook");
        if (searchPath != null) {
            dataSource.setCurrentSchema(searchPath);
        }
        return dataSource;
    }

    private static CarExport newExport(Run run, SqlSessionFactory factory)
            throws ReflectiveOperationException, MalformedURLException {
        ClassLoader loader = run.classes() == null ? ExportInChildJvm.class.getClassLoader()
                : new ClassesFirstLoader(run.classes(), ExportInChildJvm.class.getClassLoader());
        Class<?> type = Class.forName(run.exportClass(), true, loader);
        Constructor<?> constructor = type.getDeclaredConstructor(SqlSessionFactory.class);
        constructor.setAccessible(true);
        try {
            return (CarExport) constructor.newInstance(factory);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("its constructor threw " + oneLine(e.getCause()), e.getCause());
        }
    }

    /** What one export's lines look like: {@code export-child.<index>.<key>=<value>}. */
    private record Report(int index, StatementLog log) {

        void print(Ending ending, Totals totals, double millis, long baselineBytes, long heldAtFirstCarBytes,
                   String sqlState, String where, String error) {
            StringBuilder out = new StringBuilder();
            log.first().forEach(statement -> line(out, "statement", fields(statement)));
            Optional.ofNullable(log.last()).ifPresent(statement -> line(out, "lastStatement", fields(statement)));
            line(out, "statementCount", String.valueOf(log.count()));
            line(out, "cars", String.valueOf(totals.cars()));
            line(out, "priceSum", totals.priceSum().toPlainString());
            line(out, "checksum", String.valueOf(totals.checksum()));
            line(out, "millis", String.valueOf(millis));
            line(out, "baselineBytes", String.valueOf(baselineBytes));
            line(out, "heldAtFirstCarBytes", String.valueOf(heldAtFirstCarBytes));
            Optional.ofNullable(sqlState).ifPresent(state -> line(out, "sqlState", state));
            Optional.ofNullable(where).ifPresent(place -> line(out, "where", place));
            Optional.ofNullable(error).ifPresent(message -> line(out, "error", message));
            line(out, "ending", ending.name()); // last: an export that printed it printed everything
            System.out.print(out);
            System.out.flush();
        }

        private void line(StringBuilder out, String key, String value) {
            out.append(PREFIX).append(index).append('.').append(key).append('=').append(value)
                    .append(System.lineSeparator());
        }
    }

    private static String fields(StatementSettings statement) {
        return statement.autoCommit() + "," + statement.fetchSize() + "," + statement.resultSetType() + ","
                + statement.sql().replaceAll("\\s+", " ").trim();
    }

    private static Stream<Throwable> causes(Throwable thrown) {
        return Stream.iterate(thrown, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause());
    }

    private static String sqlState(Throwable thrown) {
        return causes(thrown).filter(SQLException.class::isInstance).map(t -> ((SQLException) t).getSQLState())
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The first frame of the export's own classes (its lambdas and inner classes too) in what it ended with. */
    private static String where(Throwable thrown, String exportClass) {
        return causes(thrown).flatMap(t -> Arrays.stream(t.getStackTrace()))
                .filter(frame -> frame.getClassName().equals(exportClass)
                        || frame.getClassName().startsWith(exportClass + "$"))
                .findFirst().map(frame -> frame.getFileName() + ":" + frame.getLineNumber()).orElse(null);
    }

    /** The innermost exception worth naming (MyBatis wraps the driver's), with its message's first line. */
    private static String oneLine(Throwable thrown) {
        List<Throwable> chain = causes(thrown).toList();
        Throwable named = chain.stream().filter(t -> t instanceof SQLException || t instanceof OutOfMemoryError)
                .findFirst().orElse(chain.get(chain.size() - 1));
        String message = named.getMessage() == null ? "" : named.getMessage().lines().findFirst().orElse("");
        return named.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    }

    /**
     * Loads the classes of one folder itself, before asking its parent: an answer's classes, each export's from its
     * own folder, where an older copy elsewhere on the class path (an IDE's) cannot shadow them.
     */
    private static final class ClassesFirstLoader extends URLClassLoader {

        ClassesFirstLoader(Path classes, ClassLoader parent) throws MalformedURLException {
            super(new URL[] {classes.toUri().toURL()}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null && findResource(name.replace('.', '/') + ".class") != null) {
                    loaded = findClass(name);
                }
                if (loaded == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }

    /** The settings of every statement executed through a DataSource (datasource-proxy, as the recorder uses). */
    private static final class StatementLog implements QueryExecutionListener {

        private final List<StatementSettings> first = new ArrayList<>();
        private StatementSettings last;
        private int count;

        DataSource record(DataSource target) {
            return ProxyDataSourceBuilder.create(target).name("export-statement-log").listener(this).build();
        }

        @Override
        public synchronized void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
            Statement statement = execInfo.getStatement();
            String sql = queryInfoList.stream().map(QueryInfo::getQuery).collect(Collectors.joining("; "));
            try {
                last = new StatementSettings(statement.getConnection().getAutoCommit(), statement.getFetchSize(),
                        statement.getResultSetType(), sql);
            } catch (SQLException e) {
                last = new StatementSettings(false, -1, -1, sql + " (settings unreadable: " + e.getMessage() + ")");
            }
            if (count++ < STATEMENTS_KEPT) {
                first.add(last);
            }
        }

        @Override
        public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        }

        synchronized List<StatementSettings> first() {
            return List.copyOf(first);
        }

        synchronized StatementSettings last() {
            return last;
        }

        synchronized int count() {
            return count;
        }
    }

    /**
     * The heap the export holds when its first car reaches the consumer (see the class comment): measured once, by a
     * full collection at that moment, whose pause is kept out of the export's time.
     */
    private static final class HeapAtFirstCar implements Consumer<Car> {

        private final long baseline;
        private Totals totals = Totals.NONE;
        private long held = -1;
        private long measuringNanos;

        HeapAtFirstCar() {
            baseline = usedAfterFullCollection();
        }

        @Override
        public void accept(Car car) {
            if (held < 0) {
                long start = System.nanoTime();
                held = Math.max(0, usedAfterFullCollection() - baseline);
                measuringNanos = System.nanoTime() - start;
            }
            totals = totals.plus(car);
        }

        private static long usedAfterFullCollection() {
            System.gc(); // with the serial collector: a full collection, done when this returns
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
    }
}
