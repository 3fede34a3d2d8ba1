package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

/**
 * EXERCISE 2: write the batch loader.
 *
 * <p>This loader is correct but slow: it runs one statement per dealership (N+1). Rewrite {@link #loadCars} so that
 * it asks for the cars of up to {@link #BATCH_SIZE} dealerships per statement, using
 * {@link CarLookupMapper#findCarsByDealershipIds(Long[])}, and sorts the cars it gets back into the map.
 * 250 dealerships must then take at most 3 statements; no dealership ids, no statement at all.
 *
 * <p>Hint: lesson 4 ({@code SelectInBatchDealershipRepository}) does the same for a list of dealerships. Mind the
 * dealerships that have no cars: they must still be in the map, with an empty list.
 *
 * <p>Check: {@code ./mvnw -Pexercises -pl part1-nplus1 -am verify}
 */
public final class BatchCarLoader implements CarsByDealershipLoader {

    public static final int BATCH_SIZE = 100;

    @Override
    public Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds) {
        CarLookupMapper mapper = session.getMapper(CarLookupMapper.class);
        Map<Long, List<Car>> carsByDealership = new LinkedHashMap<>();
        // TODO exercise 2: one statement per BATCH_SIZE dealerships instead of one per dealership.
        for (Long dealershipId : dealershipIds) {
            carsByDealership.put(dealershipId, mapper.findCarsByDealershipId(dealershipId));
        }
        return carsByDealership;
    }
}
