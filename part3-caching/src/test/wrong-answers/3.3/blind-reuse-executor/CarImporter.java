// BLIND: uses ExecutorType.REUSE ("prepare once, reuse for every car"), so the log shows one Preparing: and the ids, rows and all-or-nothing are right, but it still runs one JDBC execution per car.
// Expected failure: one INSERT per car waits for each answer
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
        try (SqlSession session = factory.openSession(ExecutorType.REUSE)) {
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
