package dbworkbook.part2;

import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import dbworkbook.part2.mapper.DealershipMapper;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;

/**
 * Every dealership with its cars, the cars of up to {@code batchSize} dealerships per statement (chapter 1's lesson 4,
 * select-in loading): 1 + ⌈dealerships / batchSize⌉ statements. It repeats one statement on purpose, a few times:
 * the workload lesson 8's N+1 detector must not flag.
 */
public record DealershipsInBatches(int batchSize) {

    /** Chapter 1's default: 2,000 dealerships are 1 + 4 statements. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    public DealershipsInBatches {
        if (batchSize < 1) {
            throw new IllegalArgumentException("A batch holds at least one dealership, not " + batchSize);
        }
    }

    public List<Dealership> load(SqlSession session) {
        DealershipMapper mapper = session.getMapper(DealershipMapper.class);
        List<Dealership> dealerships = mapper.findAll();
        Map<Long, Dealership> byId = dealerships.stream()
                .collect(Collectors.toMap(Dealership::getId, Function.identity()));
        for (int from = 0; from < dealerships.size(); from += batchSize) {
            Long[] batch = dealerships.subList(from, Math.min(from + batchSize, dealerships.size())).stream()
                    .map(Dealership::getId).toArray(Long[]::new);
            for (Car car : mapper.findCarsByDealershipIds(batch)) {
                byId.get(car.getDealershipId()).getCars().add(car);
            }
        }
        return dealerships;
    }
}
