package dbworkbook.part3;

import dbworkbook.common.domain.Car;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Cars to insert, not yet in the database (no id): for the insert lessons, the exercise, the demo and benchmarks. */
public final class NewCars {

    private NewCars() {
    }

    /** {@code count} cars of dealership {@code dealershipId}, all with the model name {@code model} to find them by. */
    public static List<Car> of(int count, long dealershipId, String model) {
        List<Car> cars = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Car car = new Car();
            car.setDealershipId(dealershipId);
            car.setMake("Skoda");
            car.setModel(model);
            car.setYear(2010 + i % 15);
            car.setPrice(BigDecimal.valueOf(10_000 + i, 0));
            cars.add(car);
        }
        return cars;
    }
}
