package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarLookupMapper;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.ibatis.session.SqlSession;

/**
 * Exercise 1.2, another correct answer: the batches as a stream, the cars grouped by dealership, then the answer
 * assembled in the order the ids were asked for.
 */
public final class BatchCarLoader implements CarsByDealershipLoader {

    public static final int BATCH_SIZE = 100;

    @Override
    public Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds) {
        CarLookupMapper mapper = session.getMapper(CarLookupMapper.class);
        Map<Long, List<Car>> found = IntStream.iterate(0, i -> i < dealershipIds.size(), i -> i + BATCH_SIZE)
                .mapToObj(i -> dealershipIds.subList(i, Math.min(i + BATCH_SIZE, dealershipIds.size())))
                .flatMap(batch -> mapper.findCarsByDealershipIds(batch.toArray(Long[]::new)).stream())
                .collect(Collectors.groupingBy(Car::getDealershipId));
        Map<Long, List<Car>> cars = new LinkedHashMap<>();
        for (Long id : dealershipIds) {
            cars.put(id, new ArrayList<>(found.getOrDefault(id, List.of())));
        }
        return cars;
    }
}
