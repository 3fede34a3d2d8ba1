package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Another correct answer to exercise 2 passes the same contract: one statement for all ids, no batches. (Fine for
 * 250 ids; the batch bounds the size of one statement and its result when the list gets long.)
 */
class BatchCarLoaderOneStatementSolutionTest extends BatchCarLoaderContract {

    @Override
    CarsByDealershipLoader loader() {
        return (session, ids) -> {
            Map<Long, List<Car>> cars = new LinkedHashMap<>();
            ids.forEach(id -> cars.put(id, new ArrayList<>()));
            if (!ids.isEmpty()) {
                session.getMapper(CarLookupMapper.class).findCarsByDealershipIds(ids.toArray(Long[]::new))
                        .forEach(car -> cars.get(car.getDealershipId()).add(car));
            }
            return cars;
        };
    }
}
