package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import java.util.List;
import org.apache.ibatis.session.SqlSessionFactory;

class CarImporterSolutionTest extends CarImporterContract {

    @Override
    List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        return new dbworkbook.part3.solutions.CarImporter().importCars(factory, cars);
    }
}
