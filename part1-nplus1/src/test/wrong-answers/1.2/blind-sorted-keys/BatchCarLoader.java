// BLIND: batches correctly and fills empty lists, but collects into a TreeMap, so keys come out in ascending id order instead of the order asked for; any test that asks for ids in ascending order passes.
// Expected failure: s keys are not the ids asked for, in the order asked
package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarLookupMapper;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.ibatis.session.SqlSession;

public final class BatchCarLoader implements CarsByDealershipLoader {

    public static final int BATCH_SIZE = 100;

    @Override
    public Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds) {
        CarLookupMapper mapper = session.getMapper(CarLookupMapper.class);
        Map<Long, List<Car>> carsByDealership = new TreeMap<>();
        for (Long id : dealershipIds) {
            carsByDealership.put(id, new ArrayList<>());
        }
        for (int from = 0; from < dealershipIds.size(); from += BATCH_SIZE) {
            Long[] batch = dealershipIds.subList(from, Math.min(from + BATCH_SIZE, dealershipIds.size()))
                    .toArray(new Long[0]);
            for (Car car : mapper.findCarsByDealershipIds(batch)) {
                carsByDealership.get(car.getDealershipId()).add(car);
            }
        }
        return carsByDealership;
    }
}
