package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarMapper;
import java.util.List;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Another correct answer to exercise 3 passes the same contract: flush every 1,000 cars, which bounds the memory a
 * batch holds (10 executions for 10,000 cars).
 */
class CarImporterChunkedSolutionTest extends CarImporterContract {

    @Override
    List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            for (int i = 0; i < cars.size(); i++) {
                mapper.insert(cars.get(i));
                if ((i + 1) % 1_000 == 0) {
                    session.flushStatements();
                }
            }
            session.commit(); // flushes the rest
            return cars.stream().map(Car::getId).toList();
        }
    }
}
