package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarMapper;
import dbworkbook.part3.CarsImporter;
import java.util.List;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** Wrong: a commit every 1,000 cars, so a failure keeps what went before. Expected failure: and left */
public final class CarImporter implements CarsImporter {

    public static final int MAX_EXECUTIONS = 10;

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            for (int i = 0; i < cars.size(); i++) {
                mapper.insert(cars.get(i));
                if ((i + 1) % 1_000 == 0) {
                    session.commit();
                }
            }
            session.commit();
            return cars.stream().map(Car::getId).toList();
        }
    }
}
