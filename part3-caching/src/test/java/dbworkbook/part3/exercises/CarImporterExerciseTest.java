package dbworkbook.part3.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.common.junit.Exercise;
import java.util.List;
import org.apache.ibatis.session.SqlSessionFactory;

@Exercise(number = 3, title = "import cars in a batch",
        file = "src/main/java/dbworkbook/part3/exercises/CarImporter.java")
class CarImporterExerciseTest extends CarImporterContract {

    @Override
    List<Long> importCars(SqlSessionFactory factory, List<Car> cars) {
        return new CarImporter().importCars(factory, cars);
    }
}
