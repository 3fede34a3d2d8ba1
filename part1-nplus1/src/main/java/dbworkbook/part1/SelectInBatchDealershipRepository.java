package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 4: batch "select-in" loading (SQLAlchemy's selectinload). One statement for the dealerships, then one
 * statement per batch of {@code batchSize} dealerships for their cars: 2 statements for up to {@code batchSize}
 * dealerships, whatever N is. The stitching that a nested result map does for you happens here in Java.
 *
 * @param batchSize how many parent ids one statement asks for. {@code = ANY(?)} takes a single array parameter,
 *                  so there is no bind-parameter limit; the batch only keeps each statement and its result a
 *                  sensible size.
 */
public record SelectInBatchDealershipRepository(SqlSessionFactory sqlSessionFactory, int batchSize)
        implements DealershipRepository {

    public static final int DEFAULT_BATCH_SIZE = 500;

    public SelectInBatchDealershipRepository(SqlSessionFactory sqlSessionFactory) {
        this(sqlSessionFactory, DEFAULT_BATCH_SIZE);
    }

    @Override
    public String strategy() {
        return "select-in batches (" + batchSize + ")";
    }

    @Override
    public List<Dealership> findAllWithCars() {
        try (SqlSession session = sqlSessionFactory.openSession()) {
            SelectInBatchMapper mapper = session.getMapper(SelectInBatchMapper.class);
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
}
