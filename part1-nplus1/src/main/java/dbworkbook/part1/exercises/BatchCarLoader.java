package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarLookupMapper;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

/**
 * EXERCISE 1.2: write the batch loader.
 *
 * <p>This loader is correct but slow: it runs one statement per dealership (N+1). Rewrite {@link #loadCars} so that
 * it asks for the cars of up to {@link #BATCH_SIZE} dealerships per statement
 * ({@link CarLookupMapper#findCarsByDealershipIds(Long[])}) and sorts the cars it gets back into the map.
 *
 * <p>What is checked, on data you cannot guess (dealerships with gaps in their ids, with many cars, few, or none):
 * <ul>
 *   <li>the map has every dealership id asked for as a key, in the order they were asked for (they come in any
 *       order), each with exactly its cars in car id order, and an empty list for a dealership without cars;</li>
 *   <li>no statement asks for more than {@value #BATCH_SIZE} dealerships, and there are no more statements than
 *       that needs: 230 ids take at most 3 statements, 7 ids one, and no ids none. Statements are counted after the
 *       map has been used, so loading that only happens later still counts.</li>
 * </ul>
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part1-nplus1 -am verify}. Start over: {@code ./mvnw -q -Preset -Dexercise=1.2}
 */
public final class BatchCarLoader implements CarsByDealershipLoader {

    public static final int BATCH_SIZE = 100;

    @Override
    public Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds) {
        CarLookupMapper mapper = session.getMapper(CarLookupMapper.class);
        Map<Long, List<Car>> carsByDealership = new LinkedHashMap<>();
        // TODO exercise 1.2: one statement per BATCH_SIZE dealerships instead of one per dealership.
        for (Long dealershipId : dealershipIds) {
            carsByDealership.put(dealershipId, mapper.findCarsByDealershipId(dealershipId));
        }
        return carsByDealership;
    }
}
