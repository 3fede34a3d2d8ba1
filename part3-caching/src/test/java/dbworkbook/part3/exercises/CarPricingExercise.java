package dbworkbook.part3.exercises;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.exercise.AnswerMyBatis;
import dbworkbook.common.exercise.Exercise;
import dbworkbook.common.exercise.ExerciseContract;
import dbworkbook.common.exercise.ExerciseData;
import dbworkbook.common.exercise.Expect;
import dbworkbook.part3.CarCatalogMapper;
import dbworkbook.part3.CarPricingMapper;
import dbworkbook.part3.Part3;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.ibatis.cache.Cache;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Exercise 3.2's contract: a committed price change reaches the cached catalog at once, the catalog keeps its
 * cache, and the update changes one car. Each check puts back the prices it changed.
 */
@Exercise(id = "3.2", title = "fix the stale prices across namespaces",
        files = "src/main/resources/dbworkbook/part3/exercises/CarPricingMapper.xml",
        hint = "Lesson 5: a write empties the cache of its own namespace when its session commits, and the catalog's "
                + "cache belongs to another namespace. A second cache does not help: how can two namespaces share "
                + "one cache?")
class CarPricingExercise extends ExerciseContract<ExerciseData> {

    static final String FILE = "CarPricingMapper.xml";
    static final String UPDATE_PRICE = "dbworkbook.part3.CarPricingMapper.updatePrice";

    @Override
    protected ExerciseData prepare(WorkbookDatabase database, long seed) throws Exception {
        return ExerciseData.generate(database.unpooledDataSource(), seed, ExerciseData.Shape.small());
    }

    @Override
    protected List<Check<ExerciseData>> checks() {
        return List.of(
                check("the catalog shows a committed price change at once", trial -> {
                    SqlSessionFactory factory = factory(trial);
                    List<Car> cars = pick(trial, 3);
                    cars.forEach(car -> catalogPrice(factory, car.getId())); // now all three are in its cache
                    for (Car car : cars) {
                        BigDecimal changed = car.getPrice().add(new BigDecimal("137.00"));
                        try {
                            changePrice(factory, car.getId(), changed);
                            BigDecimal stored = prices(trial).get(car.getId());
                            Expect.that(stored.compareTo(changed) == 0, "updatePrice(%d, %s) was committed, and it did "
                                    + "not change car %d in the database: it still costs %s.", car.getId(), changed,
                                    car.getId(), stored);
                            BigDecimal shown = catalogPrice(factory, car.getId());
                            if (shown.compareTo(changed) != 0) {
                                throw Expect.failure("the price of car %d was changed from %s to %s and committed, and "
                                        + "the catalog still shows %s. %s", car.getId(), car.getPrice(), changed, shown,
                                        why(factory));
                            }
                        } finally {
                            restorePrices(trial);
                        }
                    }
                }),
                check("the catalog still caches its lookups", trial -> {
                    SqlSessionFactory factory = factory(trial);
                    long carId = pick(trial, 1).get(0).getId();
                    trial.recorder().reset();
                    for (int request = 0; request < 10; request++) {
                        catalogPrice(factory, carId);
                    }
                    Expect.that(trial.recorder().count() == 1, "10 sessions reading car %d through the catalog ran "
                            + "%d statements, where the catalog's cache needs one: change only the pricing mapper, "
                            + "and keep the catalog's cache.", carId, trial.recorder().count());
                }),
                check("the update changes the price of its car, and of no other", trial -> {
                    SqlSessionFactory factory = factory(trial);
                    Car car = pick(trial, 1).get(0);
                    BigDecimal changed = car.getPrice().add(new BigDecimal("42.50"));
                    try {
                        int updated = changePrice(factory, car.getId(), changed);
                        Map<Long, BigDecimal> prices = prices(trial);
                        Expect.that(prices.get(car.getId()).compareTo(changed) == 0, "after updatePrice(%d, %s) was "
                                + "committed, car %d costs %s in the database.", car.getId(), changed, car.getId(),
                                prices.get(car.getId()));
                        for (Car other : trial.data().cars()) {
                            if (other.getId() != car.getId().longValue()) {
                                Expect.that(prices.get(other.getId()).compareTo(other.getPrice()) == 0, "updatePrice"
                                        + "(%d, %s) also changed car %d (from %s to %s): the update must change the "
                                        + "car it is given, and no other.", car.getId(), changed, other.getId(),
                                        other.getPrice(), prices.get(other.getId()));
                            }
                        }
                        Expect.that(updated == 1, "updatePrice(%d, %s) reported %d rows updated, where one car was "
                                + "meant.", car.getId(), changed, updated);
                    } finally {
                        restorePrices(trial);
                    }
                }));
    }

    private static String why(SqlSessionFactory factory) {
        Cache flushed = factory.getConfiguration().getMappedStatement(UPDATE_PRICE).getCache();
        Cache catalog = factory.getConfiguration().getCache("dbworkbook.part3.CarCatalogMapper");
        if (flushed == null) {
            return "CarPricingMapper has no cache, so its update empties none.";
        }
        if (flushed != catalog) {
            return "CarPricingMapper's update empties the cache '" + flushed.getId() + "', which is not the catalog's: "
                    + "a write flushes only the cache of its own namespace.";
        }
        return "CarPricingMapper shares the catalog's cache, and its update does not empty it: is flushCache turned "
                + "off on the update?";
    }

    private static List<Car> pick(Trial<ExerciseData> trial, int count) {
        List<Car> cars = new ArrayList<>(trial.data().cars());
        Collections.shuffle(cars, new Random(trial.seed()));
        return cars.subList(0, count);
    }

    private static BigDecimal catalogPrice(SqlSessionFactory factory, long carId) {
        try (SqlSession session = factory.openSession()) {
            Car car = session.getMapper(CarCatalogMapper.class).findById(carId);
            Expect.that(car != null, "the catalog found no car %d.", carId);
            return car.getPrice();
        }
    }

    private static int changePrice(SqlSessionFactory factory, long carId, BigDecimal price) {
        try (SqlSession session = factory.openSession()) {
            int updated = session.getMapper(CarPricingMapper.class).updatePrice(carId, price);
            session.commit();
            return updated;
        }
    }

    private static Map<Long, BigDecimal> prices(Trial<ExerciseData> trial) throws SQLException {
        Map<Long, BigDecimal> prices = new HashMap<>();
        try (Connection connection = trial.database().connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, price FROM car")) {
            while (rs.next()) {
                prices.put(rs.getLong(1), rs.getBigDecimal(2));
            }
        }
        return prices;
    }

    /** Every car's price as the data has it. */
    private static void restorePrices(Trial<ExerciseData> trial) throws SQLException {
        try (Connection connection = trial.database().connect();
             PreparedStatement update = connection.prepareStatement("UPDATE car SET price = ? WHERE id = ?")) {
            for (Car car : trial.data().cars()) {
                update.setBigDecimal(1, car.getPrice());
                update.setLong(2, car.getId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static SqlSessionFactory factory(Trial<ExerciseData> trial) {
        return AnswerMyBatis.sqlSessionFactory(trial.dataSource(), Part3.MYBATIS_CONFIG, trial.answer().file(FILE));
    }
}
