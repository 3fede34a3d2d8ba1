package dbworkbook.part3;

import dbworkbook.common.domain.Car;
import java.util.List;
import org.apache.ibatis.session.SqlSessionFactory;

/** What exercise 3.3 asks for (given): an importer of many new cars at once. */
public interface CarsImporter {

    /**
     * Inserts every car of {@code cars} (they have no id yet), commits once, and returns their generated ids in the
     * order of {@code cars}. All or nothing: if one car cannot be inserted, none of them is kept, and the error
     * reaches the caller.
     */
    List<Long> importCars(SqlSessionFactory factory, List<Car> cars);
}
