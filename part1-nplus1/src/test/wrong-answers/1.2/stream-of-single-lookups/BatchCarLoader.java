package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarLookupMapper;
import dbworkbook.part1.CarsByDealershipLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;

/** Wrong: rewritten as a stream, still one lookup per dealership. Expected failure: That is one per dealership: N+1. */
public final class BatchCarLoader implements CarsByDealershipLoader {

    public static final int BATCH_SIZE = 100;

    @Override
    public Map<Long, List<Car>> loadCars(SqlSession session, List<Long> dealershipIds) {
        CarLookupMapper mapper = session.getMapper(CarLookupMapper.class);
        return dealershipIds.stream().collect(Collectors.toMap(id -> id, mapper::findCarsByDealershipId,
                (a, b) -> a, LinkedHashMap::new));
    }
}
