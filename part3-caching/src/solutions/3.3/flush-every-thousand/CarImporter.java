package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarMapper;
import dbworkbook.part3.CarsImporter;
import java.util.List;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Exercise 3.3, another correct answer: a flush every 1,000 cars, which bounds the memory a batch holds (10
 * executions for 10,000 cars), and one commit at the end, which also sends the last part.
 */
public final class CarImporter implements CarsImporter {

    public static final int MAX_EXECUTIONS = 10;

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            for (int i = 0; i < cars.size(); i++) {
                mapper.insert(cars.get(i));
                if ((i + 1) % 1_000 == 0) {
                    session.flushStatements();
                }
            }
            session.commit();
            return cars.stream().map(Car::getId).toList();
        }
    }
}
