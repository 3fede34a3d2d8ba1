package dbworkbook.part1.exercises;

import dbworkbook.common.domain.Car;
import dbworkbook.part1.CarExport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * Exercise 1.4, another correct answer: plain JDBC on the factory's DataSource, with the three things PgJDBC needs
 * set by hand: auto-commit off, a fetch size (500 here), a forward-only result set.
 */
public final class CarExporter implements CarExport {

    private static final String SQL = "SELECT id, dealership_id, make, model, year, price, is_sold FROM car ORDER BY id";

    private final SqlSessionFactory sqlSessionFactory;

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        try (Connection connection = sqlSessionFactory.getConfiguration().getEnvironment().getDataSource()
                .getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(SQL, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(500);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Car car = new Car();
                        car.setId(rs.getLong("id"));
                        car.setDealershipId(rs.getLong("dealership_id"));
                        car.setMake(rs.getString("make"));
                        car.setModel(rs.getString("model"));
                        car.setYear(rs.getInt("year"));
                        car.setPrice(rs.getBigDecimal("price"));
                        car.setSold(rs.getBoolean("is_sold"));
                        sink.accept(car);
                    }
                }
            } finally {
                connection.rollback(); // nothing was written; end the transaction before the pool takes it back
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not export the cars: " + e.getMessage(), e);
        }
    }
}
