package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

/** What exercise 1.2 asks for (given): a loader of the cars of many dealerships. */
public interface CarsByDealershipLoader {

    /**
     * @param dealershipIds distinct ids, in any order
     * @return a map with every requested dealership id as a key, in the order the ids were asked for, each with that
     *         dealership's cars ordered by car id; an empty list for a dealership without cars (or with an id that
     *         no dealership has)
     */
    Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds);
}
