package dbworkbook.part2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dbworkbook.common.PgStatStatements;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.part2.ServerStatementStatistics.ServerStatement;
import dbworkbook.part2.mapper.CarSearchMapper;
import dbworkbook.part2.mapper.DealershipMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lesson 5: the server counts the same statements the plugin counts. Needs pg_stat_statements (preloaded, and a
 * superuser to create the extension): the embedded server has both; on another server the tests are skipped.
 */
@WorkbookTest(dealerships = 5, carsPerDealership = 4, mybatisConfig = "dbworkbook/part2/mybatis-config.xml")
class ServerStatementStatisticsTest {

    @BeforeEach
    void startFromZero(WorkbookDatabase database, SqlSessionFactory factory) throws SQLException {
        try (Connection connection = database.connect()) {
            String missing = PgStatStatements.availability(connection);
            assumeTrue(missing == null, () -> "Lesson 5 skipped: " + missing);
            PgStatStatements.resetCurrentDatabase(connection);
        }
        StatementTimingInterceptor.of(factory).reset();
    }

    @Test
    void theServerCountsOneEntryPerNormalizedStatementWithItsCalls(WorkbookDatabase database, SqlSessionFactory factory)
            throws SQLException {
        try (SqlSession session = factory.openSession()) {
            for (long id = 1; id <= 7; id++) {
                session.getMapper(CarSearchMapper.class).findById(id);
            }
        }

        List<ServerStatement> statements = serverStatements(database);
        assertThat(statements).filteredOn(s -> s.query().contains("FROM car WHERE id = $1"))
                .as("seven statements with seven different ids: one normalized entry, seven calls")
                .singleElement().satisfies(s -> {
                    assertThat(s.calls()).isEqualTo(7);
                    assertThat(s.rows()).isEqualTo(7);
                });
    }

    @Test
    void theServersCallsAgreeWithThePluginsCountsForTheSameWorkload(WorkbookDatabase database,
                                                                   SqlSessionFactory factory) throws SQLException {
        try (SqlSession session = factory.openSession()) {
            session.getMapper(DealershipMapper.class).findAllWithCars();
            for (long id = 1; id <= 4; id++) {
                session.getMapper(CarSearchMapper.class).findById(id);
            }
            for (String make : List.of("Kia", "Ford", "Tesla")) {
                session.getMapper(CarSearchMapper.class)
                        .findByMakeAndPriceRange(make, BigDecimal.ZERO, new BigDecimal("50000"));
            }
        }

        List<ServerStatement> server = serverStatements(database);
        List<StatementSummary> client = StatementTimingInterceptor.of(factory).summaries();
        assertThat(client).hasSize(4);
        for (StatementSummary statement : client) {
            String serverText = ServerStatementStatistics.asServerText(statement.sql());
            assertThat(server).as("the server's entry for %s", statement.statementId())
                    .filteredOn(s -> s.query().equals(serverText))
                    .singleElement().extracting(ServerStatement::calls).isEqualTo(statement.count());
        }
    }

    private static List<ServerStatement> serverStatements(WorkbookDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            return ServerStatementStatistics.currentDatabase(connection);
        }
    }
}
