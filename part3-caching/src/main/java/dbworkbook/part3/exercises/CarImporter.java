package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarMapper;
import dbworkbook.part3.CarsImporter;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * EXERCISE 3.3: import cars in a batch.
 *
 * <p>This importer is correct but slow: it sends one INSERT per car and waits for each answer, 10,000 round trips
 * for 10,000 cars. Make it send the inserts in JDBC batches: at most {@value #MAX_EXECUTIONS} JDBC executions for
 * 10,000 cars, that is at most one per 1,000 cars.
 *
 * <p>What is checked, on data you cannot guess (the database hands out ids with gaps between them, from a start you
 * do not know): the ids returned are the generated ids of the cars, in the order of {@code cars}; every car is
 * committed with all its columns; at most one JDBC execution per 1,000 cars (the check imports 2,000: 2 at most),
 * one for one car, none for none; and all or nothing: if one car of the list cannot be inserted, the import fails
 * and no car of the list is kept.
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part3-caching -am verify}. Start over: {@code ./mvnw -q -Preset -Dexercise=3.3}
 */
public final class CarImporter implements CarsImporter {

    public static final int MAX_EXECUTIONS = 10;

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        // TODO exercise 3.3: one JDBC batch (or a few) instead of one statement per car.
        try (SqlSession session = factory.openSession()) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            List<Long> ids = new ArrayList<>();
            for (Car car : cars) {
                mapper.insert(car);
                ids.add(car.getId());
            }
            session.commit();
            return ids;
        }
    }
}
