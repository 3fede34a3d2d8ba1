package dbworkbook.part4.exercises;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.exercise.Answer;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part4.Await;
import dbworkbook.part4.DealershipDescriber;
import dbworkbook.part4.PoolState;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.ibatis.exceptions.PersistenceException;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Exercise 4.2's contract: the right text, and the connection back in the pool after every call, on every path: the
 * found dealership, the missing one, and a statement that fails in the middle of the report (a MyBatis plugin of the
 * contract makes the car count of one dealership fail, as a lost connection or a timeout would).
 */
@Exercise(id = "4.2", title = "find and fix the connection leak",
        files = "src/main/java/dbworkbook/part4/exercises/DealershipReport.java",
        hint = "Lesson 5 (CarCounter): which ways out of describe() never reach session.close()? An early return is "
                + "one; an exception is another. One Java statement closes a session on every way out of a block.")
class DealershipReportExercise extends ExerciseContract<ExerciseData> {

    @Override
    protected ExerciseData prepare(WorkbookDatabase database, long seed) throws Exception {
        return ExerciseData.generate(database.unpooledDataSource(), seed, ExerciseData.Shape.small());
    }

    @Override
    protected List<Check<ExerciseData>> checks() {
        return List.of(
                check("the right text, and the connection returned, for each kind of dealership", trial ->
                        withReport(trial, (report, pool, leaks, poisoned) -> {
                            ExerciseData data = trial.data();
                            Dealership withCars = data.dealerships().get(2);
                            Dealership withoutCars = data.dealerships().get(1);
                            for (Dealership dealership : List.of(withCars, withoutCars)) {
                                String text = report.describe(dealership.getId());
                                String expected = dealership.getName() + ": " + dealership.getCars().size() + " cars";
                                Expect.that(expected.equals(text), "describe(%d) returned '%s', where it should "
                                        + "return '%s'.", dealership.getId(), text, expected);
                                connectionReturned(pool, leaks, trial.answer(),
                                        "describe(" + dealership.getId() + ")");
                            }
                            long missing = data.missingDealershipId();
                            String text = report.describe(missing);
                            Expect.that(("No dealership " + missing).equals(text), "describe(%d), an id no "
                                    + "dealership has, returned '%s', where it should return 'No dealership %d'.",
                                    missing, text, missing);
                            connectionReturned(pool, leaks, trial.answer(),
                                    "describe(" + missing + "), an id no dealership has,");
                        })),
                check("the connection returned when a statement fails in the middle", trial ->
                        withReport(trial, (report, pool, leaks, poisoned) -> {
                            RuntimeException failure = null;
                            try {
                                report.describe(poisoned);
                            } catch (RuntimeException e) {
                                failure = e;
                            }
                            Expect.that(failure != null, "describe(%d) returned normally although counting its cars "
                                    + "failed: the error must reach the caller, not be hidden behind an answer.",
                                    poisoned);
                            connectionReturned(pool, leaks, trial.answer(),
                                    "describe(" + poisoned + "), whose car count failed,");
                        })),
                check("many calls in a row on a small pool", trial ->
                        withReport(trial, (report, pool, leaks, poisoned) -> {
                            List<Dealership> dealerships = trial.data().dealerships().stream()
                                    .filter(d -> d.getId() != poisoned).toList();
                            for (int i = 0; i < 30; i++) {
                                long id = i % 3 == 0 ? trial.data().missingDealershipId()
                                        : dealerships.get(i % dealerships.size()).getId();
                                try {
                                    report.describe(id);
                                } catch (PersistenceException e) {
                                    if (e.getCause() instanceof SQLTransientConnectionException
                                            || String.valueOf(e.getMessage()).contains("Connection is not available")) {
                                        throw Expect.failure("call %d of 30 could not get a connection: the pool of %d "
                                                + "had run dry, every connection kept by an earlier call.", i + 1,
                                                pool.getMaximumPoolSize());
                                    }
                                    throw e;
                                }
                            }
                            connectionReturned(pool, leaks, trial.answer(), "30 calls");
                        })));
    }

    /** What a check does with the report, its pool, the leak warnings caught, and the dealership whose count fails. */
    @FunctionalInterface
    private interface Use {
        void run(DealershipDescriber report, HikariDataSource pool, LogCapture leaks, long poisoned) throws Exception;
    }

    private static void withReport(Trial<ExerciseData> trial, Use use) throws Exception {
        long poisoned = trial.data().dealerships().get(5).getId();
        try (LogCapture leaks = LogCapture.of(Level.WARN, "com.zaxxer.hikari.pool.ProxyLeakTask");
             HikariDataSource pool = trial.database().pooledDataSource("report", config -> {
                 config.setMaximumPoolSize(2);
                 config.setConnectionTimeout(500);
                 config.setLeakDetectionThreshold(2_000);
             })) {
            Configuration configuration = MyBatisBootstrap.configuration(pool, "dbworkbook/part4/mybatis-config.xml");
            configuration.addInterceptor(new FailingCount(poisoned));
            SqlSessionFactory factory = new SqlSessionFactoryBuilder().build(configuration);
            DealershipDescriber report = trial.answer().newInstance("dbworkbook.part4.exercises.DealershipReport",
                    DealershipDescriber.class, factory);
            use.run(report, pool, leaks, poisoned);
        }
    }

    /**
     * No clock needed: when the call has returned, its connection is either back in the pool or not. If not, the
     * failure quotes HikariCP's leak detector, which names the line that borrowed it.
     */
    private static void connectionReturned(HikariDataSource pool, LogCapture leaks, Answer answer, String call) {
        int stillBorrowed = PoolState.of(pool).active();
        if (stillBorrowed == 0) {
            return;
        }
        String where = "";
        if (answer.kind() == Answer.Kind.YOURS) { // the detector needs 2 s; known wrong answers need not wait for it
            Await.until("HikariCP's leak warning", () -> !leaks.events().isEmpty());
            where = " HikariCP's leak detector says the connection was borrowed at:" + System.lineSeparator()
                    + whereBorrowed(leaks.events().get(0));
        }
        throw Expect.failure("after %s returned, %d connection(s) were still borrowed from the pool: a SqlSession was "
                + "not closed.%s", call, stillBorrowed, where);
    }

    private static String whereBorrowed(LogEvent warning) {
        return Arrays.stream(warning.getThrown().getStackTrace())
                .filter(frame -> "DealershipReport.java".equals(frame.getFileName()))
                .map(frame -> "    at " + frame)
                .collect(Collectors.joining(System.lineSeparator()));
    }

    /** Makes the car count of one dealership fail, as a lost connection or a statement timeout would. */
    @Intercepts(@Signature(type = Executor.class, method = "query",
            args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
    static final class FailingCount implements Interceptor {

        private final long poisoned;

        FailingCount(long poisoned) {
            this.poisoned = poisoned;
        }

        @Override
        public Object intercept(Invocation invocation) throws Throwable {
            MappedStatement statement = (MappedStatement) invocation.getArgs()[0];
            Object parameter = invocation.getArgs()[1];
            if (statement.getId().endsWith("countCarsOfDealership") && Long.valueOf(poisoned).equals(parameter)) {
                throw new PersistenceException("The database failed while counting the cars of dealership "
                        + poisoned + " (made to fail by the exercise's contract)");
            }
            return invocation.proceed();
        }

        @Override
        public void setProperties(Properties properties) {
        }
    }
}
