package dbworkbook.common.domain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Fills an empty workbook database with dealerships, cars and salespeople, the same every time for the same
 * {@link Scale}.
 *
 * <p>Ids are predictable: dealerships are 1..D; the cars of dealership d are {@code (d-1)*C+1 .. d*C}, and likewise
 * for salespeople. Every other column is computed from those numbers, never random.
 *
 * <p>Each table is filled by one set-based {@code INSERT ... SELECT FROM generate_series(...)}: the server makes the
 * rows itself: 100,000 cars are one statement, not 100,000 round trips.
 */
public final class DataGenerator {

    private static final String INSERT_DEALERSHIPS = """
            INSERT INTO dealership (id, name, city)
            SELECT d,
                   'Dealership ' || to_char(d, 'FM00000'),
                   (ARRAY['Austin', 'Berlin', 'Lyon', 'Osaka', 'Porto', 'Quito', 'Turin', 'Utrecht'])[1 + d % 8]
            FROM generate_series(1, ?) AS d
            """;

    private static final String INSERT_CARS = """
            INSERT INTO car (id, dealership_id, make, model, year, price, is_sold)
            SELECT (d - 1) * ? + k,
                   d,
                   (ARRAY['Toyota', 'Honda', 'Ford', 'Volkswagen', 'BMW', 'Tesla', 'Kia', 'Renault'])[1 + m],
                   (ARRAY['Corolla', 'Civic', 'Focus', 'Golf', '3 Series', 'Model 3', 'Ceed', 'Clio'])[1 + m],
                   2005 + (d * 7 + k * 3) % 20,
                   8000 + (d * 7919 + k * 104729) % 60000 + ((d + k) % 100) / 100.0,
                   (d + k) % 3 = 0
            FROM generate_series(1, ?) AS d
                 CROSS JOIN generate_series(1, ?) AS k
                 CROSS JOIN LATERAL (SELECT (d * 31 + k * 17) % 8) AS pick(m)
            ORDER BY 1
            """;

    private static final String INSERT_SALESPEOPLE = """
            INSERT INTO salesperson (id, dealership_id, name, hired_on)
            SELECT (d - 1) * ? + k,
                   d,
                   (ARRAY['Ada', 'Brook', 'Chen', 'Dana', 'Emil', 'Fatou', 'Goran', 'Hana'])[1 + (d + k) % 8] || ' '
                       || (ARRAY['Silva', 'Novak', 'Okafor', 'Berg', 'Tanaka', 'Moreau'])[1 + (d * 3 + k) % 6],
                   DATE '2010-01-01' + (d * 13 + k * 29) % 5000
            FROM generate_series(1, ?) AS d
                 CROSS JOIN generate_series(1, ?) AS k
            ORDER BY 1
            """;

    private DataGenerator() {
    }

    /** Loads {@code scale} into a database whose tables are empty. */
    public static void populate(DataSource dataSource, Scale scale) {
        try (Connection connection = dataSource.getConnection()) {
            populate(connection, scale);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load " + scale + ": " + e.getMessage(), e);
        }
    }

    public static void populate(Connection connection, Scale scale) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            requireEmpty(connection);
            execute(connection, INSERT_DEALERSHIPS, scale.dealerships());
            execute(connection, INSERT_CARS, scale.carsPerDealership(), scale.dealerships(), scale.carsPerDealership());
            execute(connection, INSERT_SALESPEOPLE, scale.salespeoplePerDealership(), scale.dealerships(),
                    scale.salespeoplePerDealership());
            try (Statement statement = connection.createStatement()) {
                // The ids above were given explicitly, so the identity sequences must be moved past them, or the
                // next plain INSERT (chapter 3) would collide with id 1.
                for (String table : new String[] {"dealership", "car", "salesperson"}) {
                    statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                            + "coalesce(max(id), 0) + 1, false) FROM " + table);
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        // Fresh statistics, so that the planner sees the real table sizes from the first query on.
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE dealership, car, salesperson");
        }
    }

    private static void requireEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM dealership)")) {
            rs.next();
            if (rs.getBoolean(1)) {
                throw new IllegalStateException("The database already has dealerships: the generator only fills an "
                        + "empty workbook database, and never changes data it did not create.");
            }
        }
    }

    private static void execute(Connection connection, String sql, int... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setInt(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
