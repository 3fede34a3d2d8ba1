// BLIND: returns the map at once with lazy lists that each load their own dealership's cars on first use, so loadCars itself runs no statement at all; a checker that counts before using the map sees 0, but using it is N+1 again.
// Expected failure: the answer went to the database after its session was closed: something
package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarLookupMapper;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.AbstractList;
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
        for (Long dealershipId : dealershipIds) {
            carsByDealership.put(dealershipId, new LazyCars(mapper, dealershipId));
        }
        return carsByDealership;
    }

    /** Loads on first use only: dealerships whose cars are never looked at cost nothing. */
    private static final class LazyCars extends AbstractList<Car> {
        private final CarLookupMapper mapper;
        private final long dealershipId;
        private List<Car> loaded;

        LazyCars(CarLookupMapper mapper, long dealershipId) {
            this.mapper = mapper;
            this.dealershipId = dealershipId;
        }

        private List<Car> cars() {
            if (loaded == null) {
                loaded = mapper.findCarsByDealershipId(dealershipId);
            }
            return loaded;
        }

        @Override
        public Car get(int index) {
            return cars().get(index);
        }

        @Override
        public int size() {
            return cars().size();
        }
    }
}
