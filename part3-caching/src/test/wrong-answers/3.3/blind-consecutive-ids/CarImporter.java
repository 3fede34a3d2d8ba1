// BLIND: inserts the first car with its generated id, batches the rest without RETURNING (so the driver could rewrite them), and derives the other ids as first + i; two executions for any size and right on a fresh sequence, wrong as soon as the database hands out ids with gaps.
// Expected failure: the ids this database generates go up by
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
        if (cars.isEmpty()) {
            return new ArrayList<>();
        }
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            mapper.insert(cars.get(0));
            session.flushStatements();
            long first = cars.get(0).getId();
            for (Car car : cars.subList(1, cars.size())) {
                mapper.insertWithoutId(car);
            }
            session.commit();
            List<Long> ids = new ArrayList<>(cars.size());
            for (int i = 0; i < cars.size(); i++) {
                ids.add(first + i);
                cars.get(i).setId(first + i);
            }
            return ids;
        }
    }
}
