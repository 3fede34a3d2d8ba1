package dbworkbook.part3.exercises;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.exercise.AnswerMyBatis;
import dbworkbook.common.exercise.Compare;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.part3.DealershipDirectoryMapper;
import dbworkbook.part3.Part3;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.ibatis.cache.Cache;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Exercise 3.1's contract: lookups cached across sessions, one statement per distinct dealership. */
@Exercise(id = "3.1", title = "cache the dealership directory across sessions",
        files = "src/main/resources/dbworkbook/part3/exercises/DealershipDirectoryMapper.xml",
        hint = "Lesson 5 (DealershipLookupMapper.xml): the first-level cache dies with each session; what lives as "
                + "long as the SqlSessionFactory, per namespace? Then make sure nothing empties it or keeps the "
                + "select from using it, and that it has room for every dealership a request looks up.")
class DealershipDirectoryExercise extends ExerciseContract<ExerciseData> {

    static final String FILE = "DealershipDirectoryMapper.xml";
    static final String NAMESPACE = "dbworkbook.part3.DealershipDirectoryMapper";
    static final int SESSIONS = 100;
    static final int THREADS = 8;
    static final long WAIT_SECONDS = 3;

    @Override
    protected ExerciseData prepare(WorkbookDatabase database, long seed) throws Exception {
        return ExerciseData.generate(database.unpooledDataSource(), seed, new ExerciseData.Shape(60, 0, 0));
    }

    @Override
    protected List<Check<ExerciseData>> checks() {
        return List.of(
                check("every lookup returns the right dealership", trial -> {
                    SqlSessionFactory factory = factory(trial);
                    for (Dealership expected : trial.data().dealerships()) {
                        try (SqlSession session = factory.openSession()) {
                            Dealership found = session.getMapper(DealershipDirectoryMapper.class)
                                    .findById(expected.getId());
                            Expect.that(found != null, "findById(%d) returned null; that dealership exists.",
                                    expected.getId());
                            Compare.field("dealership " + expected.getId(), "id", expected.getId(), found.getId())
                                    .or(() -> Compare.field("dealership " + expected.getId(), "name",
                                            expected.getName(), found.getName()))
                                    .or(() -> Compare.field("dealership " + expected.getId(), "city",
                                            expected.getCity(), found.getCity()))
                                    .ifPresent(difference -> {
                                        throw Expect.failure("findById(%d) is not right: %s.", expected.getId(),
                                                difference);
                                    });
                        }
                    }
                    try (SqlSession session = factory.openSession()) {
                        long missing = trial.data().missingDealershipId();
                        Expect.that(session.getMapper(DealershipDirectoryMapper.class).findById(missing) == null,
                                "findById(%d) returned a dealership, and no dealership has that id.", missing);
                    }
                }),
                check("one statement per dealership, however many sessions look it up", trial -> {
                    for (int workingSet : new int[] {10, 40}) {
                        List<Long> ids = new ArrayList<>(trial.data().dealershipIds());
                        Collections.shuffle(ids, new Random(trial.seed() + workingSet));
                        List<Long> lookedUp = ids.subList(0, workingSet);
                        SqlSessionFactory factory = factory(trial);
                        trial.recorder().reset();
                        for (int request = 0; request < SESSIONS; request++) {
                            try (SqlSession session = factory.openSession()) {
                                DealershipDirectoryMapper directory = session.getMapper(DealershipDirectoryMapper.class);
                                lookedUp.forEach(directory::findById);
                            }
                        }
                        int statements = trial.recorder().count();
                        if (statements > workingSet) {
                            throw Expect.failure("%d sessions each looking up the same %d dealerships ran %d "
                                    + "statements, where %d would do. %s", SESSIONS, workingSet, statements,
                                    workingSet, why(factory));
                        }
                    }
                }),
                check("sessions at the same time, each in its own order, never wait on each other for ever", trial -> {
                    SqlSessionFactory factory = factory(trial);
                    List<Long> ids = trial.data().dealershipIds().subList(0, 10);
                    ExecutorService requests = Executors.newFixedThreadPool(THREADS);
                    try {
                        List<Future<?>> done = new ArrayList<>();
                        for (int t = 0; t < THREADS; t++) {
                            Random order = new Random(trial.seed() + t);
                            done.add(requests.submit(() -> {
                                for (int request = 0; request < 20; request++) {
                                    List<Long> mine = new ArrayList<>(ids);
                                    Collections.shuffle(mine, order);
                                    try (SqlSession session = factory.openSession()) {
                                        mine.forEach(session.getMapper(DealershipDirectoryMapper.class)::findById);
                                    }
                                }
                                return null;
                            }));
                        }
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
                        for (Future<?> future : done) {
                            try {
                                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                            } catch (TimeoutException e) {
                                throw Expect.failure("%d threads, each running requests that look up the same %d "
                                        + "dealerships in an order of its own, were still not done after %d s: the "
                                        + "sessions wait for each other. A blocking cache makes a session that missed "
                                        + "an entry hold it until it commits, so two sessions can each wait for the "
                                        + "other's.", THREADS, ids.size(), WAIT_SECONDS);
                            }
                        }
                    } finally {
                        requests.shutdownNow();
                    }
                }));
    }

    private static String why(SqlSessionFactory factory) {
        Cache cache = factory.getConfiguration().hasCache(NAMESPACE) ? factory.getConfiguration().getCache(NAMESPACE)
                : null;
        if (cache == null) {
            return "The namespace has no cache of its own: each session's first-level cache dies when the session "
                    + "closes.";
        }
        return "The namespace has a cache, and still the lookups ran again: does it have room for every dealership "
                + "looked up (size), does nothing empty it (flushInterval, flushCache on the select), and may the "
                + "select use it (useCache)?";
    }

    private static SqlSessionFactory factory(Trial<ExerciseData> trial) {
        return AnswerMyBatis.sqlSessionFactory(trial.dataSource(), Part3.MYBATIS_CONFIG, trial.answer().file(FILE));
    }
}
