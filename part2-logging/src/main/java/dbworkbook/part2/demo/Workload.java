package dbworkbook.part2.demo;

import static dbworkbook.common.demo.Figures.count;

import dbworkbook.common.demo.DemoOptions;
import dbworkbook.part2.mapper.CarSearchMapper;
import dbworkbook.part2.mapper.DealershipMapper;
import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The chapter's workload, the same wherever it is measured: every dealership with its cars by nested select (an
 * N+1), cars looked up by id, and searches by make and price range.
 */
record Workload(long cars, int lookups, int searches) {

    private static final List<String> MAKES = List.of("Toyota", "Honda", "Ford", "Volkswagen", "BMW", "Tesla", "Kia",
            "Renault");

    static Workload of(DemoOptions options) {
        return new Workload(Part2Demo.scale(options).cars(), options.scaled(options.get(Part2Demo.LOOKUPS)),
                options.scaled(options.get(Part2Demo.SEARCHES)));
    }

    String description() {
        return "all dealerships with their cars by nested select, " + count(lookups) + " cars by id, "
                + count(searches) + " searches by make and price";
    }

    void run(SqlSessionFactory factory) {
        try (SqlSession session = factory.openSession()) {
            session.getMapper(DealershipMapper.class).findAllWithCars();
        }
        try (SqlSession session = factory.openSession()) {
            CarSearchMapper mapper = session.getMapper(CarSearchMapper.class);
            // Distinct ids: a repeated id in one session would be answered from the local cache, without a statement.
            long step = Math.max(1, cars / Math.max(1, lookups));
            for (int i = 0; i < lookups; i++) {
                mapper.findById(1 + (i * step) % cars);
            }
            for (int i = 0; i < searches; i++) {
                BigDecimal from = BigDecimal.valueOf(8000 + (i * 1237L) % 59000);
                mapper.findByMakeAndPriceRange(MAKES.get(i % MAKES.size()), from, from.add(BigDecimal.valueOf(1000)));
            }
        }
    }
}
