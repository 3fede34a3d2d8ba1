package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

/** What exercise 2 asks for (given): a loader of the cars of many dealerships. */
public interface CarsByDealershipLoader {

    /**
     * @return a map with every requested dealership id as a key (in the order requested), each with that
     *         dealership's cars ordered by id; an empty list for a dealership without cars
     */
    Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds);
}
