package dbworkbook.part2.exercises;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.RecordedStatement;
import dbworkbook.part2.StatementTallies;
import dbworkbook.part2.StatementTallies.Tally;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;

/**
 * Exercise 2.2's contract: the counter's tallies against a second account of the same executions, the statement
 * recorder at the JDBC level (what reached the database, and how long the driver took to execute each one).
 */
@Exercise(id = "2.2", title = "count and time every statement, nested selects included",
        files = "src/main/java/dbworkbook/part2/exercises/StatementCounter.java",
        hint = "Lesson 3: a plugin on Executor sees the calls your code makes, not the statements MyBatis sends. Which "
                + "MyBatis object executes each statement on the wire, nested selects and updates included? There, "
                + "the statement id is not an argument: the lesson's StatementTimingInterceptor.mappedStatementOf "
                + "shows where it is. Time the call that executes, not one that only prepares.")
class StatementCounterExercise extends ExerciseContract<ExerciseData> {

    static final String CONFIG = "dbworkbook/part2/mybatis-config.xml";
    static final String WORKLOAD = "dbworkbook.part2.exercises.CounterWorkload.";
    private static final String CAR_SEARCH = "dbworkbook.part2.mapper.CarSearchMapper.";
    /** Seconds the waitFor statement sleeps on the server, in the order it is run: the longest is not the last. */
    private static final double[] SLEEPS = {0.01, 0.03, 0.015};

    @Override
    protected ExerciseData prepare(WorkbookDatabase database, long seed) throws Exception {
        return ExerciseData.generate(database.unpooledDataSource(), seed, new ExerciseData.Shape(12, 4, 0));
    }

    @Override
    protected List<Check<ExerciseData>> checks() {
        return List.of(
                check("counts each statement that reached the database, and only those", trial -> {
                    StatementTallies counter = newCounter(trial);
                    SqlSessionFactory factory = factory(trial, counter);
                    runWorkload(factory, trial.data());
                    compareCounts(counter, trial.recorder().statements(), factory.getConfiguration(), "");
                }),
                check("times each execution around it", trial -> {
                    StatementTallies counter = newCounter(trial);
                    SqlSessionFactory factory = factory(trial, counter);
                    long start = System.nanoTime();
                    runWorkload(factory, trial.data());
                    long wall = System.nanoTime() - start;
                    Map<String, List<RecordedStatement>> byId = byStatementId(trial.recorder().statements(),
                            factory.getConfiguration());
                    Map<String, Tally> tallies = counter.tallies();
                    for (Map.Entry<String, List<RecordedStatement>> entry : byId.entrySet()) {
                        Tally tally = tallies.get(entry.getKey());
                        if (tally == null) {
                            continue; // the count check says what is missing
                        }
                        long executed = entry.getValue().stream().mapToLong(RecordedStatement::executeNanos).sum();
                        long longest = entry.getValue().stream().mapToLong(RecordedStatement::executeNanos).max()
                                .orElse(0);
                        Expect.that(tally.totalNanos() >= executed, "%s: the driver spent %s executing it, and your "
                                + "counter's total is %s. Its time must be measured around the execution (the "
                                + "statement sent, run, its rows read): is the plugin timing a call that only "
                                + "prepares the statement or sets its parameters?", shortId(entry.getKey()),
                                millis(executed), millis(tally.totalNanos()));
                        Expect.that(tally.maxNanos() >= longest && tally.maxNanos() <= tally.totalNanos(), "%s: its "
                                + "longest execution took the driver %s, and your counter's maximum is %s (total %s): "
                                + "the maximum is the longest single execution.", shortId(entry.getKey()),
                                millis(longest), millis(tally.maxNanos()), millis(tally.totalNanos()));
                        Expect.that(tally.totalNanos() <= wall, "%s: your counter's total is %s, more than the %s the "
                                + "whole workload took. Is each execution counted once, in nanoseconds?",
                                shortId(entry.getKey()), millis(tally.totalNanos()), millis(wall));
                    }
                }),
                check("counts right with sessions on several threads", trial -> {
                    StatementTallies counter = newCounter(trial);
                    SqlSessionFactory factory = factory(trial, counter);
                    List<Long> carIds = trial.data().cars().stream().map(c -> c.getId()).toList();
                    ExecutorService threads = Executors.newFixedThreadPool(4);
                    try {
                        List<Future<?>> done = new ArrayList<>();
                        for (int t = 0; t < 4; t++) {
                            done.add(threads.submit(() -> {
                                for (int i = 0; i < 150; i++) {
                                    try (SqlSession session = factory.openSession()) {
                                        session.selectOne(CAR_SEARCH + "findById", carIds.get(i % carIds.size()));
                                    }
                                }
                            }));
                        }
                        for (Future<?> future : done) {
                            future.get();
                        }
                    } finally {
                        threads.shutdownNow();
                    }
                    compareCounts(counter, trial.recorder().statements(), factory.getConfiguration(),
                            " (4 threads at once, each with sessions of its own: is the tally updated atomically?)");
                }));
    }

    /** Selects, nested selects, updates, a lookup the session's cache answers, and statements of known duration. */
    private static void runWorkload(SqlSessionFactory factory, ExerciseData data) {
        long first = data.cars().get(0).getId();
        long second = data.cars().get(1).getId();
        try (SqlSession session = factory.openSession()) {
            session.selectList("dbworkbook.part2.mapper.DealershipMapper.findAllWithCars");
            session.selectOne(CAR_SEARCH + "findById", first);
            session.selectOne(CAR_SEARCH + "findById", first); // answered from the session's cache: nothing sent
            session.selectOne(CAR_SEARCH + "findById", second);
            for (double seconds : SLEEPS) {
                session.selectOne(WORKLOAD + "waitFor", Map.of("seconds", seconds));
            }
            session.update(WORKLOAD + "touchCar", Map.of("id", first));
            session.update(WORKLOAD + "touchCar", Map.of("id", second));
            session.rollback(true);
        }
    }

    private static void compareCounts(StatementTallies counter, List<RecordedStatement> executed,
                                      Configuration configuration, String how) {
        Map<String, Integer> expected = new TreeMap<>();
        byStatementId(executed, configuration).forEach((id, statements) -> expected.put(id, statements.size()));
        Map<String, Long> counted = new TreeMap<>();
        Map<String, Tally> tallies = counter.tallies();
        Expect.that(tallies != null, "tallies() returned null.");
        tallies.forEach((id, tally) -> counted.put(id, tally.count()));
        // The statements missing altogether first, the most frequent of them first: they say most about what the
        // plugin cannot see.
        List<Map.Entry<String, Integer>> inOrder = new ArrayList<>(expected.entrySet());
        inOrder.sort(Comparator.<Map.Entry<String, Integer>, Boolean>comparing(e -> counted.containsKey(e.getKey()))
                .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()));
        for (Map.Entry<String, Integer> entry : inOrder) {
            long count = counted.getOrDefault(entry.getKey(), 0L);
            if (count != entry.getValue()) {
                String why = count == 0 && entry.getKey().endsWith("findCarsByDealershipId")
                        ? " Nested selects are missing: MyBatis runs them through an inner executor that no Executor "
                                + "plugin wraps."
                        : count == 0 && entry.getKey().endsWith("touchCar") ? " Updates are statements too."
                        : count > entry.getValue() && entry.getKey().endsWith("findById")
                                ? " A lookup answered from the session's cache sent nothing, and is not a statement."
                        : count > entry.getValue() ? " Is one execution counted twice?" : "";
                throw Expect.failure("%s ran %d time(s) on the database%s, and your counter says %d.%s",
                        shortId(entry.getKey()), entry.getValue(), how, count, why);
            }
        }
        for (String id : counted.keySet()) {
            Expect.that(expected.containsKey(id), "your counter has a tally for '%s', which is not the id of a "
                    + "statement that ran (ids look like %s).", id, expected.keySet().iterator().next());
        }
    }

    /** The recorded executions, by the id of the mapped statement whose SQL they sent. */
    private static Map<String, List<RecordedStatement>> byStatementId(List<RecordedStatement> executed,
                                                                      Configuration configuration) {
        Map<String, String> idBySql = new HashMap<>();
        for (MappedStatement statement : configuration.getMappedStatements()) {
            if (statement.getId().startsWith("dbworkbook.") && !statement.getId().contains("Pasted")) {
                idBySql.putIfAbsent(statement.getBoundSql(Map.of("seconds", 0, "id", 0)).getSql().strip()
                        .replaceAll("\\s+", " "), statement.getId());
            }
        }
        Map<String, List<RecordedStatement>> byId = new TreeMap<>();
        for (RecordedStatement statement : executed) {
            String id = idBySql.getOrDefault(statement.normalizedSql(), statement.normalizedSql());
            byId.computeIfAbsent(id, key -> new ArrayList<>()).add(statement);
        }
        return byId;
    }

    private static StatementTallies newCounter(Trial<ExerciseData> trial) {
        return trial.answer().newInstance("dbworkbook.part2.exercises.StatementCounter", StatementTallies.class);
    }

    private static SqlSessionFactory factory(Trial<ExerciseData> trial, StatementTallies counter) throws Exception {
        Configuration configuration = MyBatisBootstrap.configuration(trial.dataSource(), CONFIG);
        String workload = "dbworkbook/part2/exercises/CounterWorkloadMapper.xml";
        try (InputStream in = Resources.getResourceAsStream(workload)) {
            new XMLMapperBuilder(in, configuration, workload, configuration.getSqlFragments()).parse();
        }
        configuration.addInterceptor(counter);
        trial.recorder().reset();
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    private static String shortId(String id) {
        String[] parts = id.split("\\.");
        return parts.length < 2 ? id : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
