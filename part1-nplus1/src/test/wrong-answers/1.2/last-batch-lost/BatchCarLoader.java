package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarLookupMapper;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

/** Wrong: whole batches only; the last, shorter one is never asked for. Expected failure: should have */
public final class BatchCarLoader implements CarsByDealershipLoader {

    public static final int BATCH_SIZE = 100;

    @Override
    public Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds) {
        CarLookupMapper mapper = session.getMapper(CarLookupMapper.class);
        Map<Long, List<Car>> carsByDealership = new LinkedHashMap<>();
        for (Long dealershipId : dealershipIds) {
            carsByDealership.put(dealershipId, new ArrayList<>()); // present even if it has no cars
        }
        for (int from = 0; from + BATCH_SIZE <= dealershipIds.size(); from += BATCH_SIZE) {
            Long[] batch = dealershipIds.subList(from, from + BATCH_SIZE)
                    .toArray(Long[]::new);
            for (Car car : mapper.findCarsByDealershipIds(batch)) {
                carsByDealership.get(car.getDealershipId()).add(car);
            }
        }
        return carsByDealership;
    }
}
