package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarMapper;
import dbworkbook.part3.CarsImporter;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Wrong: the first car inserted alone to learn where the ids start, the rest in a batch with ids counted on from
 * there, as if the database handed them out one after another. Expected failure: read them back
 */
public final class CarImporter implements CarsImporter {

    public static final int MAX_EXECUTIONS = 10;

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            List<Long> ids = new ArrayList<>();
            if (cars.isEmpty()) {
                return ids;
            }
            mapper.insert(cars.get(0));
            session.flushStatements();
            long first = cars.get(0).getId();
            for (int i = 1; i < cars.size(); i++) {
                mapper.insert(cars.get(i));
            }
            session.commit();
            for (int i = 0; i < cars.size(); i++) {
                ids.add(first + i);
            }
            return ids;
        }
    }
}
