package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarLookupMapper;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

/** Wrong: the batch query, one dealership at a time: N+1 in disguise. Expected failure: That is one per dealership: N+1. */
public final class BatchCarLoader implements CarsByDealershipLoader {

    public static final int BATCH_SIZE = 100;

    @Override
    public Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds) {
        CarLookupMapper mapper = session.getMapper(CarLookupMapper.class);
        Map<Long, List<Car>> carsByDealership = new LinkedHashMap<>();
        for (Long dealershipId : dealershipIds) {
            carsByDealership.put(dealershipId, new ArrayList<>()); // present even if it has no cars
        }
        for (int from = 0; from < dealershipIds.size(); from += 1) {
            Long[] batch = dealershipIds.subList(from, from + 1)
                    .toArray(Long[]::new);
            for (Car car : mapper.findCarsByDealershipIds(batch)) {
                carsByDealership.get(car.getDealershipId()).add(car);
            }
        }
        return carsByDealership;
    }
}
