package dbworkbook.part3.exercises;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.exercise.Compare;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.exercise.Statements;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part3.CarsImporter;
import dbworkbook.part3.Part3;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Exercise 3.3's contract. Each seed's database hands out car ids from a start of its own, three apart, so ids an
 * answer computes instead of reading them back are wrong. Each check deletes the cars it imported.
 */
@Exercise(id = "3.3", title = "import cars in a batch",
        files = "src/main/java/dbworkbook/part3/exercises/CarImporter.java",
        hint = "Lesson 2 (ExecutorTypeTest): a session opened with ExecutorType.BATCH queues the inserts and sends "
                + "them together. A queued insert returns no real count and sets no id until the batch is sent: "
                + "what sends it? Commit once, after everything.")
class CarImporterExercise extends ExerciseContract<CarImporterExercise.Imports> {

    /** Cars per import: enough for the batching to show, few enough to check quickly. */
    static final int CARS = 2_000;
    /** At most one JDBC execution per this many cars: 10 for 10,000, 2 for the 2,000 of the check. */
    static final int CARS_PER_EXECUTION = 1_000;

    /** The seed's dealerships (for new cars), the id the first new car will get, and the cars already there. */
    record Imports(ExerciseData data, long firstNewId, long carsBefore) {
    }

    @Override
    protected Imports prepare(WorkbookDatabase database, long seed) throws Exception {
        ExerciseData data = ExerciseData.generate(database.unpooledDataSource(), seed, new ExerciseData.Shape(30, 3, 0));
        long start = 100_000 + new Random(seed).nextInt(900_000);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE car ALTER COLUMN id SET INCREMENT BY 3 RESTART WITH " + start);
        }
        return new Imports(data, start, data.cars().size());
    }

    @Override
    protected List<Check<Imports>> checks() {
        return List.of(
                check("at most one JDBC execution per 1,000 cars, one for one car, none for none", trial -> {
                    for (int count : new int[] {CARS, 1, 0}) {
                        try {
                            SqlSessionFactory factory = factory(trial);
                            trial.recorder().reset();
                            importer(trial).importCars(factory, newCars(trial, count, count));
                            int allowed = (count + CARS_PER_EXECUTION - 1) / CARS_PER_EXECUTION;
                            int executions = trial.recorder().count();
                            Expect.that(executions <= allowed, "importing %d car(s) took %d JDBC executions, where %d "
                                    + "are allowed (one per 1,000 cars: 10 for 10,000)%s.%s", count, executions,
                                    allowed, executions >= count && count > 1
                                            ? ": one INSERT per car waits for each answer" : "",
                                    Statements.listing(trial.recorder().statements()));
                        } finally {
                            deleteImported(trial);
                        }
                    }
                }),
                check("every car committed, and its generated id returned, in order", trial -> {
                    List<Car> cars = newCars(trial, CARS, 0);
                    try {
                        List<Long> ids = importer(trial).importCars(factory(trial), cars);
                        checkImported(trial, cars, ids);
                    } finally {
                        deleteImported(trial);
                    }
                }),
                check("all or nothing: a car that cannot be inserted stops the whole import", trial -> {
                    List<Car> cars = newCars(trial, CARS, 1);
                    int bad = CARS / 2 + new Random(trial.seed()).nextInt(CARS / 2 - 1);
                    cars.get(bad).setYear(1800); // before the first car: the table's CHECK refuses it
                    RuntimeException failure = null;
                    try {
                        importer(trial).importCars(factory(trial), cars);
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                    try {
                        long kept = carsNow(trial) - trial.data().carsBefore();
                        Expect.that(failure != null, "importing %d cars of which car %d (year 1800) breaks the "
                                + "table's CHECK returned normally: the error must reach the caller.", CARS, bad + 1);
                        Expect.that(kept == 0, "importing %d cars of which car %d cannot be inserted failed, as it "
                                + "should, and left %d of them in the database: commit once, when everything is in, "
                                + "so that a failure keeps nothing.", CARS, bad + 1, kept);
                    } finally {
                        deleteImported(trial);
                    }
                }));
    }

    private static void checkImported(Trial<Imports> trial, List<Car> cars, List<Long> ids) throws SQLException {
        Expect.that(ids != null && ids.size() == cars.size(), "importCars returned %s ids for %d cars.",
                ids == null ? "no list of" : String.valueOf(ids.size()), cars.size());
        Expect.that(!ids.contains(null), "importCars returned null ids (the first at position %d): an insert queued in "
                + "a batch has no id yet; the batch must be sent (flushStatements() or commit()) before the ids are "
                + "read.", ids.indexOf(null) + 1);
        Expect.that(new HashSet<>(ids).size() == ids.size(), "importCars returned the same id twice.");
        Map<Long, Car> committed = committedNewCars(trial);
        Expect.that(!committed.isEmpty() || cars.isEmpty(), "none of the %d cars is in the database after the import "
                + "returned: was it committed?", cars.size());
        for (int i = 0; i < cars.size(); i++) {
            Car stored = committed.get(ids.get(i));
            Expect.that(stored != null, "the id returned for car %d of the list, %d, is not a car that was committed "
                    + "(the ids this database generates go up by 3: read them back, do not compute them).", i + 1,
                    ids.get(i));
            Car expected = cars.get(i);
            String what = "car " + (i + 1) + " of the list (id " + ids.get(i) + ")";
            Compare.field(what, "make", expected.getMake(), stored.getMake())
                    .or(() -> Compare.field(what, "model", expected.getModel(), stored.getModel()))
                    .or(() -> Compare.field(what, "price", expected.getPrice(), stored.getPrice()))
                    .or(() -> Compare.field(what, "year", expected.getYear(), stored.getYear()))
                    .or(() -> Compare.field(what, "dealershipId", expected.getDealershipId(), stored.getDealershipId()))
                    .ifPresent(difference -> {
                        throw Expect.failure("the ids do not match the cars in the order of the list: %s. (Are "
                                + "the ids read back from the inserts, or computed?)", difference);
                    });
        }
        Expect.that(committed.size() == cars.size(), "%d cars were imported and %d new cars are in the database.",
                cars.size(), committed.size());
    }

    /** New cars of the seed's dealerships, all columns different from car to car. */
    private static List<Car> newCars(Trial<Imports> trial, int count, int variant) {
        Random random = new Random(trial.seed() * 7 + variant);
        List<Long> dealerships = trial.data().data().dealershipIds();
        String[] makes = {"Skoda", "Fiat", "Volvo", "Mazda", "Seat"};
        List<Car> cars = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Car car = new Car();
            car.setDealershipId(dealerships.get(random.nextInt(dealerships.size())));
            car.setMake(makes[random.nextInt(makes.length)]);
            car.setModel("import-" + random.nextInt(1_000_000));
            car.setYear(1990 + random.nextInt(36));
            car.setPrice(BigDecimal.valueOf(300_000 + random.nextInt(9_000_000), 2));
            car.setSold(random.nextBoolean());
            cars.add(car);
        }
        return cars;
    }

    private static Map<Long, Car> committedNewCars(Trial<Imports> trial) throws SQLException {
        Map<Long, Car> cars = new LinkedHashMap<>();
        // A connection of its own: it sees only what was committed.
        try (Connection connection = trial.database().connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, dealership_id, make, model, year, price FROM car "
                     + "WHERE id >= " + trial.data().firstNewId() + " ORDER BY id")) {
            while (rs.next()) {
                Car car = new Car();
                car.setId(rs.getLong(1));
                car.setDealershipId(rs.getLong(2));
                car.setMake(rs.getString(3));
                car.setModel(rs.getString(4));
                car.setYear(rs.getInt(5));
                car.setPrice(rs.getBigDecimal(6));
                cars.put(car.getId(), car);
            }
        }
        return cars;
    }

    private static long carsNow(Trial<Imports> trial) throws SQLException {
        try (Connection connection = trial.database().connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM car")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void deleteImported(Trial<Imports> trial) throws SQLException {
        try (Connection connection = trial.database().connect(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM car WHERE id >= " + trial.data().firstNewId());
        }
    }

    private static CarsImporter importer(Trial<Imports> trial) {
        return trial.answer().newInstance("dbworkbook.part3.exercises.CarImporter", CarsImporter.class);
    }

    private static SqlSessionFactory factory(Trial<Imports> trial) {
        return trial.shared(SqlSessionFactory.class,
                () -> MyBatisBootstrap.sqlSessionFactory(trial.dataSource(), Part3.MYBATIS_CONFIG));
    }
}
