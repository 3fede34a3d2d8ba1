package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Lesson 12: the JOIN mapped flat (one {@link JoinedCarRow} per row, no nested result map) and folded into
 * dealerships by a {@link ResultHandler} as the rows arrive. The rows are ordered by dealership, so a new dealership
 * starts when the id changes: no map of the parents seen, and no list of rows kept.
 */
public record FoldedRowsDealershipRepository(SqlSessionFactory sqlSessionFactory) implements DealershipRepository {

    @Override
    public String strategy() {
        return "flat rows, folded by a ResultHandler";
    }

    @Override
    public List<Dealership> findAllWithCars() {
        List<Dealership> dealerships = new ArrayList<>();
        ResultHandler<JoinedCarRow> fold = context -> {
            JoinedCarRow row = context.getResultObject();
            Dealership current = dealerships.isEmpty() ? null : dealerships.get(dealerships.size() - 1);
            if (current == null || !current.getId().equals(row.dealershipId())) {
                current = new Dealership();
                current.setId(row.dealershipId());
                current.setName(row.dealershipName());
                current.setCity(row.city());
                dealerships.add(current);
            }
            if (row.carId() != null) { // a dealership without cars comes as one row of nulls
                current.getCars().add(new Car(row.carId(), row.dealershipId(), row.make(), row.model(),
                        row.year(), row.price(), row.sold()));
            }
        };
        try (SqlSession session = sqlSessionFactory.openSession()) {
            session.select("dbworkbook.part1.MappingCostMapper.findAllAsJoinedRows", fold);
        }
        return dealerships;
    }
}
