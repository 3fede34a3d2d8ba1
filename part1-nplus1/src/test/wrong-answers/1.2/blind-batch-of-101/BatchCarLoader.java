// BLIND: a buffer that is flushed when it grows past BATCH_SIZE (> instead of >=), so every full statement asks for 101 dealerships; data and statement counts for 7 or 230 ids look right, only the per-statement size is off by one.
// Expected failure: dealerships, in no particular order, a statement asked for the cars of
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
        List<Long> buffer = new ArrayList<>();
        for (Long id : dealershipIds) {
            carsByDealership.put(id, new ArrayList<>());
            buffer.add(id);
            if (buffer.size() > BATCH_SIZE) {
                load(mapper, buffer, carsByDealership);
                buffer.clear();
            }
        }
        if (!buffer.isEmpty()) {
            load(mapper, buffer, carsByDealership);
        }
        return carsByDealership;
    }

    private static void load(CarLookupMapper mapper, List<Long> ids, Map<Long, List<Car>> into) {
        for (Car car : mapper.findCarsByDealershipIds(ids.toArray(new Long[0]))) {
            into.get(car.getDealershipId()).add(car);
        }
    }
}
