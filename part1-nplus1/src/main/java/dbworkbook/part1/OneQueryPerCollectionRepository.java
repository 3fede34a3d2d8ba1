package dbworkbook.part1;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Salesperson;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 5, the fix: one query per collection. The dealerships with their cars come from the JOIN of lesson 3; the
 * salespeople of all those dealerships from one more statement. Two statements, and cars + salespeople rows rather
 * than cars x salespeople.
 */
public record OneQueryPerCollectionRepository(SqlSessionFactory sqlSessionFactory) {

    public List<Dealership> findAllWithCarsAndSalespeople() {
        try (SqlSession session = sqlSessionFactory.openSession()) {
            List<Dealership> dealerships = session.getMapper(NestedResultMapMapper.class).findAllWithCars();
            Map<Long, Dealership> byId = dealerships.stream()
                    .collect(Collectors.toMap(Dealership::getId, Function.identity()));
            Long[] ids = byId.keySet().toArray(Long[]::new);
            for (Salesperson salesperson : session.getMapper(SelectInBatchMapper.class)
                    .findSalespeopleByDealershipIds(ids)) {
                byId.get(salesperson.getDealershipId()).getSalespeople().add(salesperson);
            }
            return dealerships;
        }
    }
}
