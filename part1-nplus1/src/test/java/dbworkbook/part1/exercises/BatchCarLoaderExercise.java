package dbworkbook.part1.exercises;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import dbworkbook.common.exercise.Compare;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.exercise.Statements;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.RecordedStatement;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Exercise 1.2's contract: the cars of many dealerships, at most 100 dealerships per statement. */
@Exercise(id = "1.2", title = "write the batch loader",
        files = "src/main/java/dbworkbook/part1/exercises/BatchCarLoader.java",
        hint = "Lesson 4 (SelectInBatchDealershipRepository) loads the children of many parents per statement and "
                + "sorts them into their parents. Cut the list of ids into slices of BATCH_SIZE, ask once per slice, "
                + "and put every car under its dealership's id. Every id asked for needs its key, cars or not.")
class BatchCarLoaderExercise extends ExerciseContract<BatchCarLoaderExercise.Workloads> {

    static final String CONFIG = "dbworkbook/part1/mybatis-config.xml";
    static final int BATCH = 100;

    /** The data of a seed, and the lists of ids each check asks for. */
    record Workloads(ExerciseData data, Map<String, List<Long>> requests) {
    }

    @Override
    protected Workloads prepare(WorkbookDatabase database, long seed) throws Exception {
        ExerciseData data = ExerciseData.generate(database.unpooledDataSource(), seed,
                new ExerciseData.Shape(230, 6, 0));
        List<Long> all = new ArrayList<>(data.dealershipIds());
        Collections.shuffle(all, new Random(seed));
        List<Long> few = new ArrayList<>(all.subList(0, 5));
        few.add(data.missingDealershipId());
        few.add(data.dealerships().get(1).getId()); // one without cars
        Map<String, List<Long>> requests = new LinkedHashMap<>();
        requests.put("all " + all.size() + " dealerships, in no particular order", all);
        requests.put("7 dealerships, one of them without cars and one id that no dealership has", few);
        requests.put("exactly 100 dealerships", all.subList(0, BATCH));
        requests.put("101 dealerships", all.subList(0, BATCH + 1));
        requests.put("no dealerships at all", List.of());
        return new Workloads(data, requests);
    }

    @Override
    protected List<Check<Workloads>> checks() {
        return List.of(
                check("every dealership asked for, with exactly its cars", trial -> {
                    for (Map.Entry<String, List<Long>> request : trial.data().requests().entrySet()) {
                        Map<Long, List<Car>> loaded = load(trial, request.getValue());
                        checkTheMap(trial.data().data(), request.getKey(), request.getValue(), loaded);
                    }
                }),
                check("at most 100 dealerships per statement, and no more statements than that needs", trial -> {
                    for (Map.Entry<String, List<Long>> request : trial.data().requests().entrySet()) {
                        int asked = request.getValue().size();
                        trial.recorder().reset();
                        Map<Long, List<Car>> loaded = load(trial, request.getValue());
                        loaded.values().forEach(cars -> cars.forEach(Car::getPrice)); // the caller uses the result
                        List<RecordedStatement> statements = trial.recorder().statements();
                        int allowed = (asked + BATCH - 1) / BATCH;
                        for (RecordedStatement statement : statements) {
                            Expect.that(idsAskedFor(statement) <= BATCH, "with %s, a statement asked for the cars of "
                                    + "%d dealerships at once; the exercise asks for at most %d per statement "
                                    + "(BATCH_SIZE), so that one statement stays small however long the list is:%s",
                                    request.getKey(), idsAskedFor(statement), BATCH, Statements.listing(statements));
                        }
                        Expect.that(statements.size() <= allowed, "with %s, the loader ran %d statements, where %d "
                                + "would do (%d ids, at most %d per statement).%s%s", request.getKey(),
                                statements.size(), allowed, asked, BATCH,
                                statements.size() >= asked && asked > 1 ? " That is one per dealership: N+1." : "",
                                Statements.listing(statements));
                    }
                }));
    }

    private static Map<Long, List<Car>> load(Trial<Workloads> trial, List<Long> ids) {
        SqlSessionFactory factory = trial.shared(SqlSessionFactory.class,
                () -> MyBatisBootstrap.sqlSessionFactory(trial.dataSource(), CONFIG));
        CarsByDealershipLoader loader = trial.answer().newInstance("dbworkbook.part1.exercises.BatchCarLoader",
                CarsByDealershipLoader.class);
        trial.recorder().reset();
        try (SqlSession session = factory.openSession()) {
            return loader.loadCars(session, List.copyOf(ids));
        }
    }

    private static void checkTheMap(ExerciseData data, String request, List<Long> ids, Map<Long, List<Car>> loaded) {
        Expect.that(loaded != null, "with %s, loadCars returned null instead of a map.", request);
        List<Long> keys = new ArrayList<>(loaded.keySet());
        if (!keys.equals(ids)) {
            List<Long> missing = new ArrayList<>(ids);
            missing.removeAll(keys);
            throw Expect.failure("with %s, the map's keys are not the ids asked for, in the order asked for: %s",
                    request, missing.isEmpty() ? "they are all there, in another order: " + firstDifference(keys, ids)
                            : "missing " + first(missing) + describe(data, missing));
        }
        for (Long id : ids) {
            Dealership expected = data.dealershipsById().get(id);
            List<Car> cars = expected == null ? List.of() : expected.getCars();
            Compare.cars("dealership " + id + (expected == null ? " (no dealership has this id)" : ""), cars,
                    loaded.get(id)).ifPresent(difference -> {
                        throw Expect.failure("with %s: %s.", request, difference);
                    });
        }
    }

    private static String describe(ExerciseData data, Collection<Long> missing) {
        long withoutCars = missing.stream().filter(id -> !data.dealershipsById().containsKey(id)
                || data.dealershipsById().get(id).getCars().isEmpty()).count();
        return withoutCars == 0 ? "" : " (" + withoutCars + " of them without cars: they need a key and an empty "
                + "list too)";
    }

    private static String firstDifference(List<Long> keys, List<Long> ids) {
        int i = 0;
        while (i < ids.size() && i < keys.size() && keys.get(i).equals(ids.get(i))) {
            i++;
        }
        if (i >= ids.size()) {
            return "there are " + keys.size() + " keys for " + ids.size() + " ids asked for";
        }
        return "key number " + (i + 1) + " is " + (i < keys.size() ? keys.get(i) : "missing") + " where id number "
                + (i + 1) + " asked for was " + ids.get(i);
    }

    private static String first(List<Long> ids) {
        return ids.subList(0, Math.min(5, ids.size())) + (ids.size() > 5 ? "..." : "");
    }

    /** How many dealership ids a statement asked about: the elements of its array parameters, and the others. */
    private static int idsAskedFor(RecordedStatement statement) {
        return statement.parameters().stream().mapToInt(p -> p instanceof List<?> elements ? elements.size() : 1).sum();
    }
}
