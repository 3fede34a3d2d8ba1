package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

/**
 * Exercise 1.2, another correct answer: the batch statement by its id, with a ResultHandler that files each car
 * under its dealership as MyBatis maps it (no intermediate list).
 */
public final class BatchCarLoader implements CarsByDealershipLoader {

    public static final int BATCH_SIZE = 100;

    @Override
    public Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds) {
        Map<Long, List<Car>> cars = new LinkedHashMap<>();
        dealershipIds.forEach(id -> cars.put(id, new ArrayList<>()));
        int from = 0;
        while (from < dealershipIds.size()) {
            int to = Math.min(dealershipIds.size(), from + BATCH_SIZE);
            Map<String, Object> parameters = Map.of("dealershipIds", dealershipIds.subList(from, to).toArray(new Long[0]));
            session.select("dbworkbook.part1.CarLookupMapper.findCarsByDealershipIds", parameters, context -> {
                Car car = (Car) context.getResultObject();
                cars.get(car.getDealershipId()).add(car);
            });
            from = to;
        }
        return cars;
    }
}
