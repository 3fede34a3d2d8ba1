// BLIND: chunks the ids with IntStream, groups all returned cars by dealership with groupingBy, then rebuilds a LinkedHashMap in the order asked (getOrDefault an empty list) and sorts each list by car id defensively.
package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarLookupMapper;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.ibatis.session.SqlSession;

public final class BatchCarLoader implements CarsByDealershipLoader {

    public static final int BATCH_SIZE = 100;

    @Override
    public Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds) {
        CarLookupMapper mapper = session.getMapper(CarLookupMapper.class);
        int n = dealershipIds.size();
        int batches = (n + BATCH_SIZE - 1) / BATCH_SIZE;
        Map<Long, List<Car>> grouped = IntStream.range(0, batches)
                .mapToObj(b -> dealershipIds.subList(b * BATCH_SIZE, Math.min((b + 1) * BATCH_SIZE, n))
                        .toArray(Long[]::new))
                .flatMap(batch -> mapper.findCarsByDealershipIds(batch).stream())
                .collect(Collectors.groupingBy(Car::getDealershipId));
        Map<Long, List<Car>> carsByDealership = new LinkedHashMap<>();
        for (Long id : dealershipIds) {
            List<Car> cars = new ArrayList<>(grouped.getOrDefault(id, List.of()));
            cars.sort(Comparator.comparing(Car::getId));
            carsByDealership.put(id, cars);
        }
        return carsByDealership;
    }
}
