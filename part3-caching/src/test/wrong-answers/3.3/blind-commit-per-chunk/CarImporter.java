// BLIND: BATCH with a commit per chunk of 500 cars "so a huge import does not hold one long transaction"; ids, rows and counts are right, but a bad car in a later chunk leaves the earlier chunks committed (not all or nothing), which a test whose bad car is in the first chunk never sees.
// Expected failure: JDBC executions, where
package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarMapper;
import dbworkbook.part3.CarsImporter;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

public final class CarImporter implements CarsImporter {

    public static final int MAX_EXECUTIONS = 10;

    private static final int CHUNK = 500;

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            List<Long> ids = new ArrayList<>(cars.size());
            for (int from = 0; from < cars.size(); from += CHUNK) {
                List<Car> chunk = cars.subList(from, Math.min(from + CHUNK, cars.size()));
                for (Car car : chunk) {
                    mapper.insert(car);
                }
                session.commit();
                for (Car car : chunk) {
                    ids.add(car.getId());
                }
            }
            return ids;
        }
    }
}
