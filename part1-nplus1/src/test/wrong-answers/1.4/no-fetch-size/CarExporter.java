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
 * Wrong: plain JDBC in a transaction, but without a fetch size: PgJDBC then reads the whole result at once,
 * transaction or not.
 * Expected failure: Its statement had no fetch size, and so PgJDBC read the whole result into memory
 */
public final class CarExporter implements CarExport {

    private final SqlSessionFactory sqlSessionFactory;

    public CarExporter(SqlSessionFactory sqlSessionFactory) {
        this.sqlSessionFactory = sqlSessionFactory;
    }

    @Override
    public void exportAll(Consumer<Car> sink) {
        try (Connection connection = sqlSessionFactory.getConfiguration().getEnvironment().getDataSource()
                .getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, dealership_id, make, model, year, price, is_sold FROM car ORDER BY id")) {
            connection.setAutoCommit(false);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Car car = new Car();
                    car.setId(rs.getLong(1));
                    car.setDealershipId(rs.getLong(2));
                    car.setMake(rs.getString(3));
                    car.setModel(rs.getString(4));
                    car.setYear(rs.getInt(5));
                    car.setPrice(rs.getBigDecimal(6));
                    car.setSold(rs.getBoolean(7));
                    sink.accept(car);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
