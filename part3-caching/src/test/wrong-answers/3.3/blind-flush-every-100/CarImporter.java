// BLIND: BATCH in one transaction, flushing every 100 cars and reading ids after each flush; tuned to the 1,000-car case (exactly 10 executions), but 10,000 cars take 100 executions.
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

    private static final int FLUSH_EVERY = 100;

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            List<Long> ids = new ArrayList<>(cars.size());
            int from = 0;
            for (int i = 0; i < cars.size(); i++) {
                mapper.insert(cars.get(i));
                if ((i + 1) % FLUSH_EVERY == 0) {
                    session.flushStatements();
                    for (Car car : cars.subList(from, i + 1)) {
                        ids.add(car.getId());
                    }
                    from = i + 1;
                }
            }
            session.commit();
            for (Car car : cars.subList(from, cars.size())) {
                ids.add(car.getId());
            }
            return ids;
        }
    }
}
