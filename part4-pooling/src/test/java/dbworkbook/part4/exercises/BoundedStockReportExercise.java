package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.part4.Await;
import dbworkbook.part4.PoolBackends;
import dbworkbook.part4.PoolState;
import dbworkbook.part4.SaleInProgress;
import dbworkbook.part4.StockReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;

/**
 * Exercise 4.4's contract. A {@link SaleInProgress} of the contract holds the rows the report reads: for 200 ms (a
 * sale that takes a moment, which the report must wait for) and for good (a sale that hangs, which the report must
 * give up on). Every check then looks at what a report may leave behind: a connection kept, a setting left on a pooled
 * connection or on the database, a server process still waiting after the client gave up.
 *
 * <p>The known answers are judged three at a time (they spend their time waiting on locks): each check of each answer
 * has a pool, an application name and a dealership of its own, so that two answers never wait on each other's sale.
 */
@Exercise(id = "4.4", title = "bound a stuck report",
        files = "src/main/java/dbworkbook/part4/exercises/BoundedStockReport.java",
        hint = "Lesson 8 (TimeoutsTest): bound the report's own wait, on the server or by the driver, and nothing "
                + "else. A setting that outlives the report's transaction stays on the pooled connection; a setting "
                + "of the database or the role bounds every session; a broken connection leaves the server waiting.")
class BoundedStockReportExercise extends ExerciseContract<BoundedStockReportExercise.Seeded> {

    /** How long the sale that takes a moment holds its car. The report must wait at least this long. */
    static final long SHORT_SALE_MS = 200;
    /** The report must give up within 1 s; the contract waits this long before it calls the report stuck. */
    static final long STUCK_AFTER_MS = 3_000;
    /** As many reports at once as the pool has connections. */
    static final int POOL_SIZE = 3;
    /**
     * How long another request waits for a connection of that pool: longer than a bound of 1 s makes it wait, shorter
     * than the contract waits for the reports, so that a pool drained by them shows.
     */
    static final long CONNECTION_TIMEOUT_MS = 2_500;
    /**
     * The longest a report that gives up may take, from its call to its error: the 1 s it may wait, and 1 s for
     * borrowing, the statement's start and the cancel on a busy server (a query timeout's cancel request opens a
     * connection of its own, with a login: 1.57 s in all was measured on a shared server under four test runs).
     */
    static final long GAVE_UP_WITHIN_MS = 2_000;
    /** The bounds a report may set; none of them may outlive the report. */
    static final List<String> TIMEOUT_SETTINGS = List.of("idle_in_transaction_session_timeout", "lock_timeout",
            "statement_timeout", "transaction_timeout");
    /** A statement timeout or a cancel request; a lock timeout or NOWAIT; the server's transaction_timeout. */
    static final Set<String> BOUND_FIRED = Set.of("57014", "55P03", "25P04");

    private final AtomicInteger serial = new AtomicInteger();
    /**
     * HikariCP warns about every connection a wrong answer breaks (its network timeout, say). Expected here, and
     * caught for the whole contract: its checks run several at a time, and one capture of a logger cannot be opened
     * and closed by two threads at once.
     */
    private LogCapture quietPools;

    /** The seed's data, and the timeout settings a new session had before any answer ran. */
    record Seeded(ExerciseData data, Map<String, String> defaults) {
    }

    @Override
    protected boolean dataVariesBySeed() {
        return false; // the data decides only the report's rows; one seed's irregular data is enough for those
    }

    @Override
    protected boolean knownAnswersInParallel() {
        return true;
    }

    /** Three at once: a check mostly waits, for a sale or a bound, and its pool has at most 3 connections. */
    @Override
    protected int knownAnswersAtOnce() {
        return 3;
    }

    /** Each check of the answers judged at once borrows an observer and a sale from the seed's pool. */
    @Override
    protected int poolSize() {
        return 2 * knownAnswersAtOnce();
    }

    @Override
    protected Seeded prepare(WorkbookDatabase database, long seed) throws Exception {
        if (quietPools == null) {
            quietPools = LogCapture.of(Level.ERROR, "com.zaxxer.hikari");
        }
        ExerciseData data = ExerciseData.generate(database.unpooledDataSource(), seed, ExerciseData.Shape.small());
        try (Connection connection = database.connect()) {
            return new Seeded(data, timeoutSettings(connection));
        }
    }

    @AfterAll
    void stopQuietingThePools() {
        if (quietPools != null) {
            quietPools.close();
            quietPools = null;
        }
    }

    @Override
    protected List<Check<Seeded>> checks() {
        return List.of(
                check("the unsold cars of every kind of dealership", trial -> {
                    ExerciseData data = trial.data().data();
                    try (HikariDataSource pool = pool(trial, "stock-report", 2)) {
                        List<Long> ids = new ArrayList<>(List.of(readOnly(data).getId(), data.dealerships().get(1)
                                .getId(), data.missingDealershipId()));
                        data.dealerships().stream().filter(d -> !d.getCars().isEmpty() && unsold(d).isEmpty())
                                .findFirst().ifPresent(allSold -> ids.add(1, allSold.getId()));
                        for (long id : ids) {
                            List<Long> expected = Optional.ofNullable(data.dealershipsById().get(id))
                                    .map(BoundedStockReportExercise::unsold).orElse(List.of());
                            List<Long> cars = report(trial).unsoldCars(pool, id);
                            Expect.that(expected.equals(cars), "unsoldCars(%d) returned %s, where the dealership's "
                                    + "unsold cars are %s.", id, cars, expected);
                        }
                        leavesNothingBehind(trial, pool, "a report with nothing in its way");
                    }
                }),
                check("a sale that takes a moment: the report waits for it and shows the car sold", trial -> {
                    Dealership dealership = dealershipToLock(trial, d -> unsold(d).size() >= 2);
                    long sold = unsold(dealership).get(0);
                    String app = name("stock-report-short-sale");
                    try (HikariDataSource pool = pool(trial, app, 1);
                         Connection observer = trial.pool().getConnection()) {
                        waitsForAShortSale(trial, pool, observer, app, dealership, sold);
                        leavesNothingBehind(trial, pool, "a report that waited for a sale");
                    }
                }),
                check("a sale that hangs: every report gives up in time, and the pool serves on", trial -> {
                    Dealership dealership = dealershipToLock(trial, d -> !unsold(d).isEmpty());
                    String app = name("stock-report-hanging-sale");
                    try (HikariDataSource pool = pool(trial, app, POOL_SIZE);
                         Connection observer = trial.pool().getConnection()) {
                        givesUpOnAHangingSale(trial, pool, observer, app, dealership);
                        leavesNothingBehind(trial, pool, "reports that gave up on a sale that hangs");
                    }
                }));
    }

    private void waitsForAShortSale(Trial<Seeded> trial, HikariDataSource pool, Connection observer, String app,
                                    Dealership dealership, long sold) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        boolean committed = false;
        try {
            Future<List<Long>> report;
            try (SaleInProgress sale = SaleInProgress.ofCar(trial.pool().getConnection(), sold)) {
                report = thread.submit(() -> report(trial).unsoldCars(pool, dealership.getId()));
                awaitAtMost(STUCK_AFTER_MS, () -> waitingForALock(observer, app) == 1 || report.isDone());
                if (report.isDone()) {
                    Outcome early = outcome(report);
                    Expect.that(early.failure() == null, "with a sale in progress on car %d, the report gave up at "
                            + "once (%s). A sale holds its cars for a moment, %d ms here: the report must wait that "
                            + "long, and give up only on a sale that hangs.", sold, early, SHORT_SALE_MS);
                    throw Expect.failure("with a sale in progress on car %d, the report returned %s without waiting "
                            + "for it: it showed the car as unsold while it was being sold. The report must wait for "
                            + "a sale in progress (that is what FOR SHARE is for), and give up only on one that "
                            + "hangs.", sold, early.cars());
                }
                Thread.sleep(SHORT_SALE_MS);
                sale.commit();
                committed = true;
            }
            Outcome outcome = outcome(report);
            Expect.that(outcome.failure() == null, "a sale held car %d for %d ms, and the report gave up before it "
                    + "ended (%s). That is a normal wait: bound the report above it, and give up only on a sale that "
                    + "hangs.", sold, SHORT_SALE_MS, outcome);
            List<Long> expected = unsold(dealership).stream().filter(id -> id != sold).toList();
            Expect.that(expected.equals(outcome.cars()), "after a sale of car %d that took %d ms, the report of "
                    + "dealership %d returned %s, where its unsold cars are %s.", sold, SHORT_SALE_MS,
                    dealership.getId(), outcome.cars(), expected);
        } finally {
            thread.shutdownNow();
            if (committed) { // put the seed's data back as it was
                try (Connection connection = trial.pool().getConnection();
                     PreparedStatement unsell = connection.prepareStatement(
                             "UPDATE car SET is_sold = false WHERE id = ?")) {
                    unsell.setLong(1, sold);
                    unsell.executeUpdate();
                }
            }
        }
    }

    private void givesUpOnAHangingSale(Trial<Seeded> trial, HikariDataSource pool, Connection observer, String app,
                                       Dealership dealership) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(POOL_SIZE + 1);
        try {
            List<Future<List<Long>>> reports = new ArrayList<>();
            long[] tookNanos = new long[POOL_SIZE];
            Future<String> other;
            List<Integer> leftWaiting;
            long stillWaiting;
            try (SaleInProgress sale = SaleInProgress.ofUnsoldCarsOf(trial.pool().getConnection(),
                    dealership.getId())) {
                long start = System.nanoTime();
                for (int i = 0; i < POOL_SIZE; i++) {
                    int index = i;
                    reports.add(threads.submit(() -> {
                        long called = System.nanoTime();
                        try {
                            return report(trial).unsoldCars(pool, dealership.getId());
                        } finally {
                            tookNanos[index] = System.nanoTime() - called;
                        }
                    }));
                }
                awaitAtMost(STUCK_AFTER_MS, () -> waitingForALock(observer, app) == POOL_SIZE
                        || reports.stream().anyMatch(Future::isDone));
                other = threads.submit(anotherRequest(pool));
                awaitAtMost(STUCK_AFTER_MS - (System.nanoTime() - start) / 1_000_000,
                        () -> reports.stream().allMatch(Future::isDone));
                stillWaiting = reports.stream().filter(report -> !report.isDone()).count();
                leftWaiting = PoolBackends.waitingForALock(observer, app);
            } // the sale rolls back: whatever still waits gets the rows and ends
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<List<Long>> report : reports) {
                outcomes.add(outcome(report));
            }
            String otherRequest = other.get(Await.GENEROUS_LIMIT.toSeconds(), TimeUnit.SECONDS);

            Expect.that(stillWaiting == 0, "a sale that hangs held the cars of dealership %d, and %d of %d reports of "
                    + "it were still waiting after %d ms.%s Bound the report: it must give up within 1 s of waiting.",
                    dealership.getId(), stillWaiting, POOL_SIZE, STUCK_AFTER_MS, otherRequest.equals("served") ? ""
                            : " Meanwhile " + otherRequest + ": the stuck reports held every connection of the pool.");
            for (Outcome outcome : outcomes) {
                Expect.that(outcome.failure() != null, "while a sale that hangs held the cars of dealership %d, a "
                        + "report returned %s as if nothing were wrong. A report that gives up must say so: the "
                        + "error reaches the caller.", dealership.getId(), outcome.cars());
            }
            Outcome first = outcomes.get(0);
            Expect.that(leftWaiting.isEmpty(), "the reports failed (%s), but %d server process(es) of the pool were "
                    + "still waiting for the sale's rows. The connection broke, and the server does not know that "
                    + "the client gave up: its process keeps the wait, a connection slot and the statement, which "
                    + "still runs when the sale ends. End the wait itself, on the server.", first, leftWaiting.size());
            long slowest = Arrays.stream(tookNanos).max().orElse(0) / 1_000_000;
            Expect.that(slowest <= GAVE_UP_WITHIN_MS, "while a sale that hangs held the cars of dealership %d, a "
                    + "report gave up only after %,d ms (%s). It may wait 1 s at most: a longer bound holds a "
                    + "connection of the pool all that time.", dealership.getId(), slowest, first);
            for (Outcome outcome : outcomes) {
                boolean bound = outcome.sqlState() != null && BOUND_FIRED.contains(outcome.sqlState());
                Expect.that(bound, "a report failed with %s. That is not a bound that ended the wait: a statement "
                        + "timeout or a cancel (SQLSTATE 57014), or a lock timeout (55P03) says what happened to "
                        + "whoever reads the error.", outcome);
            }
            Expect.that(otherRequest.equals("served"), "while the reports were stuck, %s.", otherRequest);
        } finally {
            threads.shutdownNow();
        }
    }

    /** A request of the rest of the service, which needs a connection of the same pool. */
    private static Callable<String> anotherRequest(HikariDataSource pool) {
        return () -> {
            long asked = System.nanoTime();
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM dealership")) {
                rows.next();
                return "served";
            } catch (SQLTransientConnectionException e) {
                return "another request waited " + (System.nanoTime() - asked) / 1_000_000 + " ms for a connection "
                        + "and failed";
            } catch (SQLException e) {
                return "another request failed with " + e.getMessage().lines().findFirst().orElse("") + " (SQLSTATE "
                        + e.getSQLState() + ")";
            }
        };
    }

    /**
     * No connection kept, and no timeout setting left on any connection of the pool (the report's connection went
     * back to it) or on a new session (a setting of the database or the role). A database setting is undone here, so
     * that the next check starts clean; a role's is the learner's to undo.
     */
    private static void leavesNothingBehind(Trial<Seeded> trial, HikariDataSource pool, String after)
            throws SQLException {
        int active = PoolState.of(pool).active();
        Expect.that(active == 0, "after %s, %d connection(s) were still borrowed from the pool: the report must "
                + "return its connection on every path.", after, active);
        Map<String, String> defaults = trial.data().defaults();
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                all.add(pool.getConnection());
                Map<String, String> settings = timeoutSettings(all.get(i));
                for (String name : settings.keySet()) {
                    Expect.that(Objects.equals(settings.get(name), defaults.get(name)), "after %s, a connection "
                            + "back in the pool had %s = %s (a new session has %s): the report set it and it stayed "
                            + "on the connection. Every request that borrows it next gets that bound too, the ones "
                            + "that are meant to run long as well. Bound the report alone, on every path, for as long "
                            + "as it runs.", after, name, settings.get(name), defaults.get(name));
                }
            }
        } finally {
            for (Connection connection : all) {
                connection.close();
            }
        }
        try (Connection fresh = trial.database().connect()) {
            Map<String, String> settings = timeoutSettings(fresh);
            for (String name : settings.keySet()) {
                if (!Objects.equals(settings.get(name), defaults.get(name))) {
                    String where = undoDatabaseSetting(fresh, name) ? "the database (undone now by the check)"
                            : "the role (undo it with ALTER ROLE ... RESET " + name + ")";
                    throw Expect.failure("after %s, a new session had %s = %s, where it had %s before: a setting of "
                            + "%s, which bounds every session of every application that connects to it, the ones "
                            + "meant to run long as well. Bound the report alone.", after, name, settings.get(name),
                            defaults.get(name), where);
                }
            }
        }
    }

    /** Resets a setting made with ALTER DATABASE on the workbook's own database; false if it was not set there. */
    private static boolean undoDatabaseSetting(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_database(), EXISTS (SELECT 1 FROM "
                     + "pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = "
                     + "current_database() AND s.setrole = 0 AND EXISTS (SELECT 1 FROM unnest(s.setconfig) c WHERE c "
                     + "LIKE '" + name + "=%'))")) {
            rows.next();
            if (!rows.getBoolean(2)) {
                return false;
            }
            statement.execute("ALTER DATABASE \"" + rows.getString(1) + "\" RESET " + name);
            return true;
        }
    }

    /** The timeout settings of a session, those the server has (transaction_timeout is PostgreSQL 17's). */
    static Map<String, String> timeoutSettings(Connection connection) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name, setting || coalesce(' ' || unit, '') FROM pg_settings WHERE name = ANY (?) "
                        + "ORDER BY name")) {
            statement.setArray(1, connection.createArrayOf("text", TIMEOUT_SETTINGS.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    settings.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return settings;
    }

    /** How a report ended: the cars it returned, or what it threw and the SQLSTATE in it, if any. */
    record Outcome(List<Long> cars, Throwable failure, String sqlState) {

        @Override
        public String toString() {
            if (failure == null) {
                return "returned " + cars;
            }
            return failure.getClass().getSimpleName() + ": " + String.valueOf(failure.getMessage()).lines()
                    .findFirst().orElse("") + (sqlState == null ? ", no SQLSTATE" : ", SQLSTATE " + sqlState);
        }
    }

    private static Outcome outcome(Future<List<Long>> report) throws Exception {
        try {
            return new Outcome(report.get(Await.GENEROUS_LIMIT.toSeconds(), TimeUnit.SECONDS), null, null);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable failure = e.getCause();
            String state = Stream.iterate(failure, Objects::nonNull, Throwable::getCause)
                    .filter(SQLException.class::isInstance).map(t -> ((SQLException) t).getSQLState())
                    .filter(Objects::nonNull).findFirst().orElse(null);
            return new Outcome(null, failure, state);
        }
    }

    private static void awaitAtMost(long millis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, millis) * 1_000_000;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static int waitingForALock(Connection observer, String app) {
        try {
            return PoolBackends.waitingForALock(observer, app).size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HikariDataSource pool(Trial<Seeded> trial, String name, int size) {
        return trial.database().pooledDataSource(name, config -> {
            config.setMaximumPoolSize(size);
            config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
            config.addDataSourceProperty("ApplicationName", name);
        });
    }

    /** An application name of its own: two answers judged at once never count each other's server processes. */
    private String name(String what) {
        return what + "-" + serial.incrementAndGet();
    }

    /** The dealership the first check reads: never locked by a sale, so that it never waits. */
    private static Dealership readOnly(ExerciseData data) {
        return data.dealerships().stream().filter(d -> !unsold(d).isEmpty()).findFirst().orElseThrow();
    }

    /** A dealership for a sale, each time another one, and never the one the first check reads. */
    private Dealership dealershipToLock(Trial<Seeded> trial, Predicate<Dealership> suitable) {
        ExerciseData data = trial.data().data();
        List<Dealership> candidates = data.dealerships().stream().filter(suitable)
                .filter(d -> d != readOnly(data)).toList();
        return candidates.get(Math.floorMod(serial.incrementAndGet(), candidates.size()));
    }

    private static List<Long> unsold(Dealership dealership) {
        return dealership.getCars().stream().filter(car -> !car.isSold()).map(Car::getId).sorted().toList();
    }

    private static StockReport report(Trial<Seeded> trial) {
        return trial.answer().newInstance("dbworkbook.part4.exercises.BoundedStockReport", StockReport.class);
    }
}
