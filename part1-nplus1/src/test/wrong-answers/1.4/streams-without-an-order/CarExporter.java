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
 * Wrong: it streams as it should (a transaction, a fetch size), but its statement has no ORDER BY, so the cars come
 * in the order the table stores them, not in id order.
 * Expected failure: but not in id order
 */
public final class CarExporter implements CarExport {

    private final SqlSessionFactory sqlSessionFactory;

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        try (SqlSession session = sqlSessionFactory.openSession(false);
             PreparedStatement all = session.getConnection().prepareStatement(
                     "SELECT id, dealership_id, make, model, year, price, is_sold FROM car")) {
            all.setFetchSize(1000);
            try (ResultSet rows = all.executeQuery()) {
                while (rows.next()) {
                    sink.accept(new Car(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                            rows.getInt(5), rows.getBigDecimal(6), rows.getBoolean(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
