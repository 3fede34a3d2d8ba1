// BLIND: asks for id ranges [lo, lo+99] starting at the smallest id not yet loaded, assuming ids have no gaps; on contiguous ids it is exact, with gaps it needs more statements than necessary and puts cars of dealerships nobody asked for into the map.
// Expected failure: keys for
package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarLookupMapper;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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
        TreeSet<Long> remaining = new TreeSet<>(dealershipIds);
        while (!remaining.isEmpty()) {
            long lo = remaining.first();
            Long[] range = new Long[BATCH_SIZE];
            for (int i = 0; i < BATCH_SIZE; i++) {
                range[i] = lo + i;
            }
            for (Car car : mapper.findCarsByDealershipIds(range)) {
                carsByDealership.computeIfAbsent(car.getDealershipId(), id -> new ArrayList<>()).add(car);
            }
            remaining.subSet(lo, lo + BATCH_SIZE).clear();
        }
        return carsByDealership;
    }
}
