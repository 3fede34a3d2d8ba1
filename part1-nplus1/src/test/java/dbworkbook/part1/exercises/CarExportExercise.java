package dbworkbook.part1.exercises;

import static dbworkbook.common.demo.Figures.count;

import dbworkbook.common.Workbook;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.exercise.Answer;
import dbworkbook.common.exercise.BrokenAnswer;
import dbworkbook.common.exercise.Compare;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part1.CarExport;
import dbworkbook.part1.SmallHeap;
import dbworkbook.part1.StreamingCursorCarExport;
import dbworkbook.part1.demo.ExportInChildJvm;
import dbworkbook.part1.demo.ExportInChildJvm.Outcome;
import dbworkbook.part1.demo.ExportInChildJvm.Run;
import dbworkbook.part1.demo.ExportInChildJvm.StatementSettings;
import dbworkbook.part1.demo.ExportInChildJvm.Totals;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.session.SqlSessionFactory;
import org.postgresql.PGConnection;
import org.junit.jupiter.api.AfterAll;

/**
 * Exercise 1.4's contract: every car, in id order, first on a small table of seeded, irregular data (in this JVM),
 * then on a table of {@value SmallHeap#CARS} cars in a JVM of its own with a {@value SmallHeap#HEAP_MB} MB heap (see
 * {@link SmallHeap} for how the two were chosen). When the answer runs out of heap there, the settings its statement
 * ran with say why: auto-commit on or no fetch size (PgJDBC read the whole result), or neither (the answer's side
 * kept the cars).
 */
@Exercise(id = "1.4", title = "export every car within a small heap",
        files = "src/main/java/dbworkbook/part1/exercises/CarExporter.java",
        hint = "Lesson 10: a Cursor, or a ResultHandler, hands on one car at a time, where selectList builds the "
                + "whole list first. And PgJDBC fetches a result in pieces only when all three hold: the statement "
                + "has a fetch size, its result set is forward-only, and the connection is in a transaction "
                + "(auto-commit off). Without any one of them it reads every row before you see the first.")
class CarExportExercise extends ExerciseContract<List<Car>> {

    static final String CONFIG = "dbworkbook/part1/mybatis-config.xml";
    static final String EXPORTER = "dbworkbook.part1.exercises.CarExporter";
    private static final int LARGE_TABLE_DEALERSHIPS = 400;
    /** How far the heap before one export may be from the heap before the first: what the JVM's own caches move. */
    private static final long SAME_BASELINE_BYTES = 1_000_000;
    private static final String[] MAKES = {"Toyota", "Honda", "Ford", "Kia", "BMW", "Tesla"};
    private static final String[] MODELS = {"Corolla", "Civic", "Focus", "Ceed", "3 Series", "Model 3"};
    /** Rows one fetch may bring in without crowding the small heap (about 250 bytes each as the driver holds them). */
    private static final int LARGEST_SENSIBLE_FETCH = 20_000;
    /** The gap in the small table's ids: an export that reads id ranges until one is empty must cross it. */
    private static final long WIDE_GAP = 1_000_000;

    /** The large table: one database for the whole contract, since what it checks does not depend on the seed. */
    private LargeTable largeTable;
    /** Each answer runs once in the small heap, whichever seed it is judged on. */
    private final Map<Answer, Outcome> outcomes = new ConcurrentHashMap<>();

    private record LargeTable(WorkbookDatabase database, Totals expected) {
    }

    /**
     * The known answers run in the small heap all at once, one after another in one JVM (the JIT warm, one start):
     * the lesson's streaming cursor first, so that every class on that path is loaded before any answer can run out
     * of heap, then each answer, from its own compiled classes. An outcome is kept only if the answer began with the
     * heap as the first export did (nothing left behind by the one before); any other answer, and the learner's,
     * runs alone.
     */
    @Override
    protected void beforeKnownAnswers(Workbook workbook, List<Answer> answers) throws Exception {
        LargeTable table = largeTable(workbook, seeds().get(0));
        List<Answer> compiled = new ArrayList<>();
        List<Run> runs = new ArrayList<>(List.of(Run.of(StreamingCursorCarExport.class.getName())));
        for (Answer answer : answers) {
            try {
                runs.add(Run.compiledIn(answer.compiledClasses(), EXPORTER));
                compiled.add(answer);
            } catch (BrokenAnswer e) {
                // its first check says so
            }
        }
        List<Outcome> ran = ExportInChildJvm.run(table.database(), runs,
                ExportInChildJvm.Launch.timed(SmallHeap.HEAP_MB));
        long baseline = ran.get(0).baselineBytes();
        for (int i = 0; i < compiled.size(); i++) {
            Outcome outcome = ran.get(i + 1);
            if (outcome.ending() != ExportInChildJvm.Ending.TIMED_OUT
                    && Math.abs(outcome.baselineBytes() - baseline) <= SAME_BASELINE_BYTES) {
                outcomes.put(compiled.get(i), outcome);
            }
        }
    }

    @Override
    protected List<Car> prepare(WorkbookDatabase database, long seed) throws Exception {
        // Over 1,000 cars: more than one fetch of the chapter's statement, and more than a page of 1,000.
        List<Car> cars = ExerciseData.generate(database.unpooledDataSource(), seed,
                new ExerciseData.Shape(220, 18, 0)).cars();
        // And one gap in the ids wider than any range an answer would read at a time: the upper third of the cars
        // moves up by a million, so that reading id ranges until one comes back empty stops short.
        List<Long> ids = cars.stream().map(Car::getId).sorted().toList();
        long above = ids.get(ids.size() * 2 / 3);
        try (Connection connection = database.connect(); PreparedStatement move = connection.prepareStatement(
                "UPDATE car SET id = id + ? WHERE id > ?")) {
            move.setLong(1, WIDE_GAP);
            move.setLong(2, above);
            move.executeUpdate();
        }
        cars.stream().filter(car -> car.getId() > above).forEach(car -> car.setId(car.getId() + WIDE_GAP));
        return cars;
    }

    @Override
    protected List<Check<List<Car>>> checks() {
        return List.of(
                check("every car once, in id order, with all its columns", trial -> {
                    SqlSessionFactory factory = trial.shared(SqlSessionFactory.class,
                            () -> MyBatisBootstrap.sqlSessionFactory(trial.pool(), CONFIG));
                    CarExport export = trial.answer().newInstance(EXPORTER, CarExport.class, factory);
                    List<Car> exported = new ArrayList<>();
                    export.exportAll(exported::add);
                    checkTheCars(trial.data(), exported);
                }),
                check("every car of " + count(SmallHeap.CARS) + " in a " + SmallHeap.HEAP_MB + " MB heap", trial -> {
                    LargeTable table = largeTable(trial.database().workbook(), trial.seed());
                    Outcome outcome = outcomes.get(trial.answer());
                    if (outcome == null) {
                        outcome = ExportInChildJvm.run(table.database(), Run.compiledIn(
                                trial.answer().compiledClasses(), EXPORTER), ExportInChildJvm.Launch.quick(
                                SmallHeap.HEAP_MB));
                        outcomes.put(trial.answer(), outcome);
                    }
                    checkTheLargeExport(outcome, table.expected());
                }));
    }

    private static void checkTheCars(List<Car> expected, List<Car> exported) {
        Set<Long> expectedIds = new HashSet<>(expected.stream().map(Car::getId).toList());
        List<Long> ids = exported.stream().map(car -> car == null ? null : car.getId()).toList();
        ids.stream().filter(id -> !expectedIds.contains(id)).findFirst().ifPresent(id -> {
            throw Expect.failure("it handed on a car with id %s, and the table has no such car: made-up cars?", id);
        });
        Set<Long> seen = new HashSet<>();
        for (Long id : ids) {
            Expect.that(seen.add(id), "car %d was handed to the sink twice.", id);
        }
        Expect.that(exported.size() == expected.size(), "on a table of %s cars it handed %s to the sink.%s",
                count(expected.size()), count(exported.size()), whyTooFew(expected, exported.size(), seen));
        for (int i = 1; i < ids.size(); i++) {
            Expect.that(ids.get(i - 1) < ids.get(i), "every car was handed on, but not in id order: car %d came "
                    + "right after car %d. The table stores its rows in another order, and without an ORDER BY "
                    + "PostgreSQL returns them as it finds them.", ids.get(i), ids.get(i - 1));
        }
        Compare.cars("the table", expected, exported).ifPresent(difference -> {
            throw Expect.failure("%s.", difference);
        });
    }

    private static void checkTheLargeExport(Outcome outcome, Totals expected) {
        String run = "in a JVM with a " + SmallHeap.HEAP_MB + " MB heap, on a table of " + count(expected.cars())
                + " cars, ";
        String at = outcome.where() == null ? "" : " (at " + outcome.where() + ")";
        switch (outcome.ending()) {
            case OUT_OF_HEAP -> throw Expect.failure("%sit ran out of heap%s after handing on %s cars. %s", run, at,
                    count(outcome.totals().cars()), whyOutOfHeap(outcome.lastStatement()));
            case FAILED -> throw Expect.failure("%sit failed%s: %s", run, at, outcome.error());
            case TIMED_OUT -> throw Expect.failure("%sit did not finish within %.0f s. Does it read each car once? "
                    + "(Pages by OFFSET read every skipped row again, page after page.)", run, outcome.millis() / 1000);
            case EXPORTED -> {
                long cars = outcome.totals().cars();
                Expect.that(cars == expected.cars(), "%sit handed %s cars to the sink.%s", run, count(cars),
                        cars < expected.cars() ? " Did it stop early (a LIMIT, a single page or fetch)?" : "");
                Expect.that(outcome.totals().checksum() == expected.checksum(), "%sit handed on %s cars, but not "
                        + "the table's cars in id order: a checksum of every column of every car, in order, differs.",
                        run, count(cars));
            }
        }
    }

    /** What the cars it missed have in common, when it handed on too few. */
    private static String whyTooFew(List<Car> expected, int handedOn, Set<Long> handedOnIds) {
        List<Long> ids = expected.stream().map(Car::getId).sorted().toList();
        boolean missedOnlyPastTheGap = false;
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i) - ids.get(i - 1) >= WIDE_GAP) {
                missedOnlyPastTheGap = ids.subList(0, i).stream().allMatch(handedOnIds::contains)
                        && ids.subList(i, ids.size()).stream().noneMatch(handedOnIds::contains);
            }
        }
        if (missedOnlyPastTheGap) {
            return " It missed every car past a gap of a million ids, and none before it: did it read ranges of ids "
                    + "and stop at the first empty one? Ids have gaps of any width; read on after the last car "
                    + "instead (WHERE id > the last id), or in one statement.";
        }
        return handedOn > 0 && handedOn % 100 == 0 ? " A round number: did it stop after the first fetch or page?" : "";
    }

    /** What the settings of the statement it ran out of heap in say about who held the rows. */
    private static String whyOutOfHeap(StatementSettings statement) {
        if (statement == null) {
            return "It ran no statement before that.";
        }
        List<String> reasons = new ArrayList<>();
        if (statement.autoCommit()) {
            reasons.add("ran with auto-commit on" + (statement.fetchSize() > 0 ? " (its fetch size of "
                    + count(statement.fetchSize()) + " was ignored)" : ""));
        }
        if (statement.fetchSize() <= 0) {
            reasons.add("had no fetch size");
        }
        if (statement.resultSetType() != ResultSet.TYPE_FORWARD_ONLY) {
            reasons.add("asked for a scrollable result set");
        }
        if (!reasons.isEmpty()) {
            return "Its statement " + String.join(" and ", reasons) + ", and so PgJDBC read the whole result into "
                    + "memory, every row, before the first one reached you. It fetches in pieces only in a "
                    + "transaction (a session with auto-commit off), with a fetch size, on a forward-only result set.";
        }
        if (statement.fetchSize() > LARGEST_SENSIBLE_FETCH) {
            return "Its statement ran in a transaction, but with a fetch size of " + count(statement.fetchSize())
                    + ": each fetch brings that many rows into memory at once, which is most of the table. A fetch "
                    + "of a few hundred to a few thousand rows is enough for the round trips not to matter.";
        }
        return "PgJDBC did fetch the rows " + count(statement.fetchSize()) + " at a time (a transaction, a fetch "
                + "size), so the cars were kept on your side: selectList returns every car in one list, and a list, "
                + "a map or a sort that collects them holds them all. Hand each car to the sink as it is read.";
    }

    /**
     * The large table, made once from the first seed of the run: cars whose ids have gaps, over 400
     * dealerships, with prices that repeat, stored out of id order. Written with COPY, and what a right export hands
     * on is computed as it is generated.
     */
    private synchronized LargeTable largeTable(Workbook workbook, long seed) throws SQLException, IOException {
        if (largeTable == null) {
            WorkbookDatabase database = workbook.createDatabase("exercise-1.4-large");
            try {
                largeTable = new LargeTable(database, fill(database, seed));
            } catch (SQLException | IOException | RuntimeException e) {
                database.close();
                throw e;
            }
        }
        return largeTable;
    }

    private static Totals fill(WorkbookDatabase database, long seed) throws SQLException, IOException {
        Random random = new Random(seed);
        List<Car> cars = new ArrayList<>(SmallHeap.CARS);
        long id = 0;
        for (int i = 0; i < SmallHeap.CARS; i++) {
            id += 1 + random.nextInt(3);
            cars.add(largeTableCar(random, id));
        }
        Totals expected = Totals.NONE;
        for (Car car : cars) {
            expected = expected.plus(car);
        }
        Collections.shuffle(cars, random);
        StringBuilder rows = new StringBuilder();
        for (Car car : cars) {
            rows.append(car.getId()).append('\t').append(car.getDealershipId()).append('\t').append(car.getMake())
                    .append('\t').append(car.getModel()).append('\t').append(car.getYear()).append('\t')
                    .append(car.getPrice().toPlainString()).append('\t').append(car.isSold() ? 't' : 'f').append('\n');
        }
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO dealership (id, name, city) SELECT d, 'Dealership ' || d, 'City ' || d % 17 "
                    + "FROM generate_series(1, " + LARGE_TABLE_DEALERSHIPS + ") AS d");
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY car (id, dealership_id, make, model, year, "
                    + "price, is_sold) FROM STDIN", new StringReader(rows.toString()));
            statement.execute("ANALYZE car");
        }
        return expected;
    }

    private static Car largeTableCar(Random random, long id) {
        Car car = new Car();
        car.setId(id);
        car.setDealershipId(1L + random.nextInt(LARGE_TABLE_DEALERSHIPS));
        int model = random.nextInt(MAKES.length);
        car.setMake(MAKES[model]);
        car.setModel(MODELS[model] + (random.nextInt(5) == 0 ? " Hybrid" : ""));
        car.setYear(1995 + random.nextInt(31));
        car.setPrice(random.nextInt(4) == 0 ? new BigDecimal("14500.00")
                : BigDecimal.valueOf(500_000 + random.nextInt(7_000_000), 2));
        car.setSold(random.nextInt(3) == 0);
        return car;
    }

    @Override
    @AfterAll
    protected void dropDatabases() {
        super.dropDatabases();
        if (largeTable != null) {
            largeTable.database().close();
            largeTable = null;
        }
        outcomes.clear();
    }
}
