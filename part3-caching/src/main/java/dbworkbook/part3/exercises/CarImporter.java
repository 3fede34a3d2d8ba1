package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * EXERCISE 3: import cars in a batch.
 *
 * <p>This importer is correct but slow: it sends one INSERT per car and waits for each answer, 10,000 round trips
 * for 10,000 cars. Make it send the inserts in JDBC batches: at most {@value #MAX_EXECUTIONS} JDBC executions for
 * 10,000 cars. It must still return the generated id of every car, in the order of {@code cars}, and commit.
 *
 * <p>Hint: lesson 2 ({@code ExecutorTypeTest}). Open the session with {@code ExecutorType.BATCH}; with it, an insert
 * returns no real update count and sets no id until the batch is sent: {@code flushStatements()} (or
 * {@code commit()}) sends it.
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part3-caching -am verify}
 */
public final class CarImporter {

    public static final int MAX_EXECUTIONS = 10;

    /** Inserts {@code cars}, commits, and returns their generated ids in the same order. */
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        // TODO exercise 3: one JDBC batch (or a few) instead of one statement per car.
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
