// BLIND: switches to ExecutorType.BATCH (one executeBatch at commit, every car committed, all or nothing) but collects car.getId() right after each queued insert, before the batch is flushed, so every returned id is null; counts and committed rows are perfect.
// Expected failure: an insert queued in a batch has no id yet; the batch
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

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
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
