package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarMapper;
import dbworkbook.part3.CarsImporter;
import java.util.List;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Exercise 3.3, the reference solution: one JDBC batch for all the cars. */
public final class CarImporter implements CarsImporter {

    public static final int MAX_EXECUTIONS = 10;

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            for (Car car : cars) {
                mapper.insert(car); // queued: no id yet
            }
            // Sends the batch (one executeBatch per statement text) and reads the generated keys into the cars.
            session.flushStatements();
            session.commit();
            return cars.stream().map(Car::getId).toList();
        }
    }
}
