package dbworkbook.part2.demo;

import dbworkbook.common.domain.Dealership;
import dbworkbook.part2.DealershipsInBatches;
import dbworkbook.part2.mapper.DealershipMapper;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** The three ways to load every dealership with its cars that lessons 8 and 9 tell apart, each in a session. */
enum DealershipLoads {
    NESTED_SELECT("nested select (N+1)"),
    JOIN("nested result map (JOIN)"),
    BATCHES("select-in batches of " + DealershipsInBatches.DEFAULT_BATCH_SIZE);

    private final String label;

    DealershipLoads(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    List<Dealership> load(SqlSessionFactory factory) {
        try (SqlSession session = factory.openSession()) {
            DealershipMapper mapper = session.getMapper(DealershipMapper.class);
            return switch (this) {
                case NESTED_SELECT -> mapper.findAllWithCars();
                case JOIN -> mapper.findAllWithCarsJoined();
                case BATCHES -> new DealershipsInBatches(DealershipsInBatches.DEFAULT_BATCH_SIZE).load(session);
            };
        }
    }
}
