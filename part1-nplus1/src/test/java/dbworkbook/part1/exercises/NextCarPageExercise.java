package dbworkbook.part1.exercises;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.exercise.AnswerMyBatis;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.Expect;
import dbworkbook.common.exercise.Statements;
import dbworkbook.part1.DeepPages;
import dbworkbook.part1.NextCarPageMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Exercise 1.5's contract. Its data is made for keyset pages: over a thousand cars, 30 to 40 on each price, so that
 * every price is shared by more cars than a page holds and every page boundary falls inside a tie; ids with gaps;
 * rows inserted in random order, so that the table's physical order is not the id order.
 */
@Exercise(id = "1.5", title = "the next page, by keyset",
        files = "src/main/resources/dbworkbook/part1/exercises/NextCarPageMapper.xml",
        hint = "Lesson 11 (CarPageMapper.xml): the page after a car starts after its price AND, within that price, "
                + "after its id; PostgreSQL compares two columns at once as a row value. The ORDER BY must end with "
                + "the tie-breaker. A condition the index can start from reads one page; an OR of two conditions, or "
                + "an OFFSET however it is computed, reads everything before the page.")
class NextCarPageExercise extends ExerciseContract<NextCarPageExercise.TiedCars> {

    static final String CONFIG = "dbworkbook/part1/mybatis-config.xml";
    static final String FILE = "NextCarPageMapper.xml";
    private static final String FIND_PAGE_AFTER = "dbworkbook.part1.NextCarPageMapper.findPageAfter";
    private static final int[] PAGE_SIZES = {7, 20};

    /** The cars as they must come (cheapest first, ties by id), and the largest number of cars sharing a price. */
    record TiedCars(List<Car> inOrder, int largestTie) {
    }

    /** The answer's mapper over connections that may not use an index: only the ORDER BY then orders a tie. */
    private record WithoutIndexes(SqlSessionFactory factory) {
    }

    @Override
    protected TiedCars prepare(WorkbookDatabase database, long seed) throws Exception {
        Random random = new Random(seed);
        int count = 1200 + random.nextInt(300);
        // 30 to 40 cars a price, each price on its own: every tie is longer than the largest page (20).
        int perPrice = 30 + random.nextInt(11);
        List<BigDecimal> priceOfEach = new ArrayList<>();
        for (int i = 0; priceOfEach.size() < count; i++) {
            BigDecimal price = BigDecimal.valueOf(800_000 + i * 1_250L + random.nextInt(1_000), 2);
            for (int k = 0; k < perPrice && priceOfEach.size() < count; k++) {
                priceOfEach.add(price);
            }
        }
        Collections.shuffle(priceOfEach, random);
        Set<Long> ids = new HashSet<>();
        while (ids.size() < count) {
            ids.add(1 + (long) random.nextInt(count * 10));
        }
        List<Car> cars = new ArrayList<>();
        for (long id : ids) {
            Car car = new Car();
            car.setId(id);
            car.setDealershipId(1 + (long) random.nextInt(3));
            car.setMake(new String[] {"Toyota", "Honda", "Kia", "Renault"}[random.nextInt(4)]);
            car.setModel(new String[] {"Corolla", "Civic", "Ceed", "Clio"}[random.nextInt(4)]);
            car.setYear(2005 + random.nextInt(20));
            car.setPrice(priceOfEach.get(cars.size()));
            car.setSold(random.nextInt(3) == 0);
            cars.add(car);
        }
        Collections.shuffle(cars, random); // stored out of id order
        try (Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO dealership (id, name, city) VALUES (1, 'North', 'Lyon'), "
                        + "(2, 'South', 'Porto'), (3, 'East', 'Osaka')");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO car "
                    + "(id, dealership_id, make, model, year, price, is_sold) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (Car car : cars) {
                    insert.setLong(1, car.getId());
                    insert.setLong(2, car.getDealershipId());
                    insert.setString(3, car.getMake());
                    insert.setString(4, car.getModel());
                    insert.setInt(5, car.getYear());
                    insert.setBigDecimal(6, car.getPrice());
                    insert.setBoolean(7, car.isSold());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        DeepPages.createTheIndex(database.unpooledDataSource());
        cars.sort(Comparator.comparing(Car::getPrice).thenComparing(Car::getId));
        Map<BigDecimal, Integer> ties = new HashMap<>();
        cars.forEach(car -> ties.merge(car.getPrice(), 1, Integer::sum));
        return new TiedCars(List.copyOf(cars), Collections.max(ties.values()));
    }

    @Override
    protected List<Check<TiedCars>> checks() {
        return List.of(
                check("walking every page gives every car once, in order", trial -> {
                    for (int size : PAGE_SIZES) {
                        walk(trial, factory(trial), size, "");
                    }
                }),
                check("the same when the server cannot use an index", trial -> walk(trial,
                        trial.ofThisAnswer(WithoutIndexes.class, () -> new WithoutIndexes(AnswerMyBatis.sqlSessionFactory(
                                withoutIndexes(trial), CONFIG, trial.answer().file(FILE)))).factory(), 20,
                        " with the index out of the server's reach (it then sorts, and only your ORDER BY decides "
                                + "the order of cars that share a price)")),
                check("one statement per page", trial -> {
                    Car last = trial.data().inOrder().get(trial.data().inOrder().size() / 2);
                    trial.recorder().reset();
                    try (SqlSession session = factory(trial).openSession()) {
                        session.getMapper(NextCarPageMapper.class).findPageAfter(last.getPrice(), last.getId(), 20);
                    }
                    Expect.that(trial.recorder().count() == 1, "findPageAfter ran %d statements for one page: one is "
                            + "enough.%s", trial.recorder().count(), Statements.listing(trial.recorder().statements()));
                }),
                check("a page in the middle reads about one page of rows", trial -> {
                    List<Car> cars = trial.data().inOrder();
                    Car last = cars.get(cars.size() / 2);
                    long read;
                    try (SqlSession session = factory(trial).openSession()) {
                        read = DeepPages.explain(session, FIND_PAGE_AFTER,
                                Map.of("price", last.getPrice(), "id", last.getId(), "limit", 20)).rowsReadByTheScans();
                    }
                    long allowed = 20 + trial.data().largestTie();
                    Expect.that(read <= allowed, "for a page of 20 cars %,d cars in, the server's scans read %,d rows "
                            + "of the table's %,d (EXPLAIN ANALYZE), where a keyset page reads at most a page and the "
                            + "cars of the last car's price (%d here). Start the scan at the last car with one "
                            + "condition the index on (price, id) can use; an OFFSET, even a computed one, or an OR "
                            + "of two conditions reads the rows before or after the page.", cars.size() / 2, read,
                            cars.size(), allowed);
                }));
    }

    private static SqlSessionFactory factory(Trial<TiedCars> trial) {
        return trial.ofThisAnswer(SqlSessionFactory.class,
                () -> AnswerMyBatis.sqlSessionFactory(trial.dataSource(), CONFIG, trial.answer().file(FILE)));
    }

    private static DataSource withoutIndexes(Trial<TiedCars> trial) {
        return trial.database().pooledDataSource("exercise-1.5-no-index", config -> {
            config.setMaximumPoolSize(1);
            config.setConnectionInitSql("SET enable_indexscan = off; SET enable_bitmapscan = off; "
                    + "SET enable_indexonlyscan = off");
        });
    }

    /** Walks from the first page to the end with pages of {@code size}, and compares with the cars in order. */
    private static void walk(Trial<TiedCars> trial, SqlSessionFactory factory, int size, String how) {
        List<Car> expected = trial.data().inOrder();
        List<Car> walked = new ArrayList<>();
        try (SqlSession session = factory.openSession()) {
            NextCarPageMapper pages = session.getMapper(NextCarPageMapper.class);
            List<Car> page = pages.findFirstPage(size);
            int pageNumber = 1;
            while (!page.isEmpty()) {
                Expect.that(page.size() <= size, "findPageAfter(…, %d) returned %d cars%s: a page holds at most the "
                        + "limit it is given.", size, page.size(), how);
                int before = walked.size();
                walked.addAll(page);
                for (int i = before; i < walked.size(); i++) {
                    Car car = walked.get(i);
                    if (i >= expected.size() || !car.equals(expected.get(i))) {
                        Car previous = i > 0 ? walked.get(i - 1) : null;
                        throw Expect.failure("with pages of %d%s, page %d went wrong at its car %d: after %s came %s, "
                                + "where %s comes next. %s", size, how, pageNumber, i - before + 1,
                                previous == null ? "the start" : describe(previous), describe(car),
                                i < expected.size() ? describe(expected.get(i)) : "nothing (the list had ended)",
                                walked.subList(0, i).contains(car) ? "That car was already on an earlier page: a tie "
                                        + "of its price was read twice." : expected.contains(car) ? "The cars in "
                                        + "between were skipped." : "That is not one of the cars.");
                    }
                }
                Expect.that(pageNumber <= expected.size() / size + 2, "with pages of %d%s, the pages went on past "
                        + "the last car: after the last one, findPageAfter must return no car.", size, how);
                Car last = page.get(page.size() - 1);
                page = pages.findPageAfter(last.getPrice(), last.getId(), size);
                pageNumber++;
                session.clearCache();
            }
        }
        Expect.that(walked.size() == expected.size(), "with pages of %d%s, the pages ended after %,d of the %,d cars: "
                + "the last %,d were never returned.", size, how, walked.size(), expected.size(),
                expected.size() - walked.size());
    }

    private static String describe(Car car) {
        return "car " + car.getId() + " (price " + car.getPrice() + ")";
    }
}
