// BLIND: "= ANY has no parameter limit" (lesson 4), so it sends all ids in one statement and ignores BATCH_SIZE; data is right and 7 ids or none look perfect, but 230 ids make one statement asking for 230 dealerships.
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
        for (Long id : dealershipIds) {
            carsByDealership.put(id, new ArrayList<>());
        }
        if (dealershipIds.isEmpty()) {
            return carsByDealership;
        }
        for (Car car : mapper.findCarsByDealershipIds(dealershipIds.toArray(new Long[0]))) {
            carsByDealership.get(car.getDealershipId()).add(car);
        }
        return carsByDealership;
    }
}
