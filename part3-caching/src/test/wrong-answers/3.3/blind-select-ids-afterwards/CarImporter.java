// BLIND: batches the inserts without generated keys (rewritable), commits, then reads the ids back as the last N rows of CarMapper.search ordered by id; the ids are right when nobody else inserts, but one car costs two executions (and the whole table is read), and concurrent inserts mix in.
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

    @Override
    public List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        if (cars.isEmpty()) {
            return new ArrayList<>();
        }
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            for (Car car : cars) {
                mapper.insertWithoutId(car);
            }
            session.commit();
            List<Car> all = mapper.search(null, null, null);
            List<Long> ids = new ArrayList<>(cars.size());
            for (Car inserted : all.subList(all.size() - cars.size(), all.size())) {
                ids.add(inserted.getId());
            }
            for (int i = 0; i < cars.size(); i++) {
                cars.get(i).setId(ids.get(i));
            }
            return ids;
        }
    }
}
