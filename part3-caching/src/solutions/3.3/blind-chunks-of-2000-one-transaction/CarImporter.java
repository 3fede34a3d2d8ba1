// BLIND: BATCH executor in one transaction, flushStatements() after every 2,000 queued cars (5 executions for 10,000, 1 for 1,000 or for one car, none for none) reading each chunk's ids after its flush, a single commit at the end, and an explicit rollback before rethrowing on failure.
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

    private static final int CHUNK = 2_000;

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            try {
                CarMapper mapper = session.getMapper(CarMapper.class);
                List<Long> ids = new ArrayList<>(cars.size());
                for (int from = 0; from < cars.size(); from += CHUNK) {
                    List<Car> chunk = cars.subList(from, Math.min(from + CHUNK, cars.size()));
                    chunk.forEach(mapper::insert);
                    session.flushStatements();
                    chunk.forEach(car -> ids.add(car.getId()));
                }
                session.commit();
                return ids;
            } catch (RuntimeException e) {
                session.rollback(true);
                throw e;
            }
        }
    }
}
