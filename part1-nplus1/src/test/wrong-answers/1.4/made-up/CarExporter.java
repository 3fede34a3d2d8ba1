package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarExport;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Wrong: made-up cars, whatever the table holds. It never runs out of heap, and never exports the table either.
 * Expected failure: and the table has no such car: made-up cars?
 */
public final class CarExporter implements CarExport {

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        for (long id = 1; id <= 150_000; id++) {
            Car car = new Car();
            car.setId(id);
            car.setDealershipId(1L);
            car.setMake("Toyota");
            car.setModel("Corolla");
            car.setYear(2020);
            car.setPrice(new BigDecimal("19990.00"));
            sink.accept(car);
        }
    }
}
