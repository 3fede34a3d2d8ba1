// BLIND: one BATCH for the happy path, but if the batch fails it "recovers" by inserting the cars one by one in autocommit and skipping the bad one (null id), so the good cars are kept and no error reaches the caller; all happy-path counts and ids are right.
// Expected failure: s CHECK returned normally: the error must reach the caller
package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part3.CarMapper;
import dbworkbook.part3.CarsImporter;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.exceptions.PersistenceException;
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
            session.commit();
            List<Long> ids = new ArrayList<>(cars.size());
            for (Car car : cars) {
                ids.add(car.getId());
            }
            return ids;
        } catch (PersistenceException batchFailed) {
            return insertOneByOne(factory, cars);
        }
    }

    private static List<Long> insertOneByOne(SqlSessionFactory factory, List<Car> cars) {
        List<Long> ids = new ArrayList<>(cars.size());
        try (SqlSession session = factory.openSession(true)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            for (Car car : cars) {
                car.setId(null);
                try {
                    mapper.insert(car);
                    ids.add(car.getId());
                } catch (PersistenceException badCar) {
                    ids.add(null);
                }
            }
        }
        return ids;
    }
}
