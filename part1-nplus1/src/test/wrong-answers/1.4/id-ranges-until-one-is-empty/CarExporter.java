package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarExport;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Wrong: ranges of 1,000 ids, each a small result, until a range comes back empty. Ids have gaps, and the first gap
 * wider than a range ends the export early, without a word.
 * Expected failure: It missed every car past a gap of a million ids
 */
public final class CarExporter implements CarExport {

    private static final long RANGE = 1000;

    private final SqlSessionFactory sqlSessionFactory;

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        try (SqlSession session = sqlSessionFactory.openSession(true);
             PreparedStatement range = session.getConnection().prepareStatement("SELECT id, dealership_id, make, "
                     + "model, year, price, is_sold FROM car WHERE id > ? AND id <= ? ORDER BY id")) {
            for (long from = 0; ; from += RANGE) {
                range.setLong(1, from);
                range.setLong(2, from + RANGE);
                int cars = 0;
                try (ResultSet rows = range.executeQuery()) {
                    while (rows.next()) {
                        cars++;
                        sink.accept(new Car(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                                rows.getInt(5), rows.getBigDecimal(6), rows.getBoolean(7)));
                    }
                }
                if (cars == 0) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
