// BLIND: walks the ids once, pre-filling the result with empty lists and flushing a buffer through findCarsByDealershipIds whenever it holds exactly BATCH_SIZE ids (and once at the end if not empty), adding each car to its dealership's list.
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
        Long[] buffer = new Long[BATCH_SIZE];
        int filled = 0;
        for (Long id : dealershipIds) {
            carsByDealership.put(id, new ArrayList<>());
            buffer[filled++] = id;
            if (filled == BATCH_SIZE) {
                flush(mapper, buffer, filled, carsByDealership);
                filled = 0;
            }
        }
        if (filled > 0) {
            flush(mapper, buffer, filled, carsByDealership);
        }
        return carsByDealership;
    }

    private static void flush(CarLookupMapper mapper, Long[] buffer, int filled, Map<Long, List<Car>> into) {
        Long[] batch = new Long[filled];
        System.arraycopy(buffer, 0, batch, 0, filled);
        for (Car car : mapper.findCarsByDealershipIds(batch)) {
            List<Car> cars = into.get(car.getDealershipId());
            if (cars != null) {
                cars.add(car);
            }
        }
    }
}
