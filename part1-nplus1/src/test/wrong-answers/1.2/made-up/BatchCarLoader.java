package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarLookupMapper;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.session.SqlSession;

/** Wrong: no statement at all, an empty list for everyone. Expected failure: should have */
public final class BatchCarLoader implements CarsByDealershipLoader {

    public static final int BATCH_SIZE = 100;

    @Override
    public Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds) {
        Map<Long, List<Car>> cars = new LinkedHashMap<>();
        dealershipIds.forEach(id -> cars.put(id, new ArrayList<>()));
        return cars;
    }
}
