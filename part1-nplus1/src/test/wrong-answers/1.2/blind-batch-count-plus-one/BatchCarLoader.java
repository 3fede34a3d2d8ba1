// BLIND: computes the number of batches as size / BATCH_SIZE + 1, so no ids still run one (empty) statement and an exact multiple of 100 runs one extra empty statement; 7 and 230 ids give exactly the right count.
// Expected failure: dealerships, the loader ran
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
        for (Long id : dealershipIds) {
            carsByDealership.put(id, new ArrayList<>());
        }
        int batches = dealershipIds.size() / BATCH_SIZE + 1;
        for (int b = 0; b < batches; b++) {
            int from = b * BATCH_SIZE;
            int to = Math.min(from + BATCH_SIZE, dealershipIds.size());
            Long[] batch = dealershipIds.subList(from, to).toArray(new Long[0]);
            for (Car car : mapper.findCarsByDealershipIds(batch)) {
                carsByDealership.get(car.getDealershipId()).add(car);
            }
        }
        return carsByDealership;
    }
}
