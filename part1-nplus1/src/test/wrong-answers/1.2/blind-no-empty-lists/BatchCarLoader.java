// BLIND: batches of 100 with = ANY, but builds the map only from the cars that came back, so dealerships without cars (and unknown ids) get no key at all; on data where every dealership has cars it is perfect.
// Expected failure: s keys are not the ids asked for, in the order asked
package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarLookupMapper;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

public final class BatchCarLoader implements CarsByDealershipLoader {

    public static final int BATCH_SIZE = 100;

    @Override
    public Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds) {
        CarLookupMapper mapper = session.getMapper(CarLookupMapper.class);
        Map<Long, List<Car>> carsByDealership = new LinkedHashMap<>();
        for (int from = 0; from < dealershipIds.size(); from += BATCH_SIZE) {
            Long[] batch = dealershipIds.subList(from, Math.min(from + BATCH_SIZE, dealershipIds.size()))
                    .toArray(new Long[0]);
            for (Car car : mapper.findCarsByDealershipIds(batch)) {
                carsByDealership.computeIfAbsent(car.getDealershipId(), id -> new ArrayList<>()).add(car);
            }
        }
        return carsByDealership;
    }
}
