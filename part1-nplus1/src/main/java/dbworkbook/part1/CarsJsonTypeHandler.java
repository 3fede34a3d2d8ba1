package dbworkbook.part1;

import dbworkbook.common.domain.Car;

/** Lesson 8: a dealership's cars, from the JSON array the server aggregated. */
public final class CarsJsonTypeHandler extends JsonCollectionTypeHandler<Car> {

    public CarsJsonTypeHandler() {
        super(Car.class);
    }
}
