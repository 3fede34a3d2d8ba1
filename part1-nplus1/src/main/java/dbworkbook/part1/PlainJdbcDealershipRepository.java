package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Dealership;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Lesson 7, the floor: the JOIN of lesson 3, read by hand with plain JDBC. No reflection, no result-map machinery:
 * what is left is the database's work and the driver's. The demo shows how close the MyBatis nested result map
 * comes to this.
 */
public record PlainJdbcDealershipRepository(DataSource dataSource) implements DealershipRepository {

    private static final String SQL = """
            SELECT d.id, d.name, d.city,
                   c.id AS car_id, c.dealership_id, c.make, c.model, c.year, c.price, c.is_sold
            FROM dealership d
                 LEFT JOIN car c ON c.dealership_id = d.id
            ORDER BY d.id, c.id
            """;

    @Override
    public String strategy() {
        return "plain JDBC (JOIN)";
    }

    @Override
    public List<Dealership> findAllWithCars() {
        List<Dealership> dealerships = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SQL);
             ResultSet rs = statement.executeQuery()) {
            Dealership current = null;
            while (rs.next()) {
                long dealershipId = rs.getLong("id");
                // Rows arrive ordered by dealership: a new id starts the next dealership.
                if (current == null || current.getId() != dealershipId) {
                    current = new Dealership();
                    current.setId(dealershipId);
                    current.setName(rs.getString("name"));
                    current.setCity(rs.getString("city"));
                    dealerships.add(current);
                }
                long carId = rs.getLong("car_id");
                if (!rs.wasNull()) { // LEFT JOIN: a dealership without cars has one row with NULL car columns
                    Car car = new Car();
                    car.setId(carId);
                    car.setDealershipId(rs.getLong("dealership_id"));
                    car.setMake(rs.getString("make"));
                    car.setModel(rs.getString("model"));
                    car.setYear(rs.getInt("year"));
                    car.setPrice(rs.getBigDecimal("price"));
                    car.setSold(rs.getBoolean("is_sold"));
                    current.getCars().add(car);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the dealerships: " + e.getMessage(), e);
        }
        return dealerships;
    }
}
