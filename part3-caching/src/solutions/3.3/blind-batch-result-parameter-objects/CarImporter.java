// BLIND: BATCH executor, queue every insert, flushStatements() once and read the ids from the BatchResults' parameter objects (the cars, their ids filled by the key generator), then commit once; a failure propagates and close() rolls back.
package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarMapper;
import dbworkbook.part3.CarsImporter;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.executor.BatchResult;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

public final class CarImporter implements CarsImporter {

    public static final int MAX_EXECUTIONS = 10;

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            for (Car car : cars) {
                mapper.insert(car);
            }
            List<Long> ids = new ArrayList<>(cars.size());
            for (BatchResult result : session.flushStatements()) {
                for (Object parameter : result.getParameterObjects()) {
                    ids.add(((Car) parameter).getId());
                }
            }
            session.commit();
            return ids;
        }
    }
}
