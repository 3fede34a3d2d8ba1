package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarMapper;
import dbworkbook.part3.CarsImporter;
import java.util.List;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Exercise 3.3, another correct answer: no explicit flush. commit() sends what the batch holds first, and the
 * generated ids are in the cars once it returns.
 */
public final class CarImporter implements CarsImporter {

    public static final int MAX_EXECUTIONS = 10;

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            cars.forEach(mapper::insert);
            session.commit();
            return cars.stream().map(Car::getId).toList();
        }
    }
}
