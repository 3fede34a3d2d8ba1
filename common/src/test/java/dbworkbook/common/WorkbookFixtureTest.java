package dbworkbook.common;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.recorder.RecordedStatement;
import dbworkbook.common.recorder.StatementRecorder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@WorkbookTest(dealerships = 7, carsPerDealership = 4, salespeoplePerDealership = 2)
class WorkbookFixtureTest {

    @Test
    void theDatabaseHasTheMigratedSchemaAndTheGeneratedData(DataSource dataSource, Scale scale) throws SQLException {
        assertThat(count(dataSource, "SELECT count(*) FROM dealership")).isEqualTo(scale.dealerships());
        assertThat(count(dataSource, "SELECT count(*) FROM car")).isEqualTo(scale.cars());
        assertThat(count(dataSource, "SELECT count(*) FROM salesperson")).isEqualTo(scale.salespeople());
        assertThat(count(dataSource, "SELECT count(*) FROM car WHERE dealership_id = 3")).isEqualTo(4);
        assertThat(count(dataSource, "SELECT min(id) FROM car WHERE dealership_id = 3")).isEqualTo(9);
    }

    @Test
    void theEmbeddedServerPreloadsPgStatStatements(WorkbookDatabase database, DataSource dataSource)
            throws SQLException {
        assumeTrue(database.workbook().server().isEmbedded(), "your own server is configured by you, see README");
        assertThat(text(dataSource, "SHOW shared_preload_libraries")).contains("pg_stat_statements");
    }

    @Test
    void theGeneratorIsDeterministic(DataSource dataSource, WorkbookDatabase database) throws SQLException {
        String fingerprint = "SELECT md5(string_agg(concat_ws(',', id, dealership_id, make, model, year, price, is_sold),"
                + " ';' ORDER BY id)) FROM car";
        String first = text(dataSource, fingerprint);
        try (WorkbookDatabase other = database.workbook().createDatabase("determinism")) {
            try (Connection connection = other.connect()) {
                DataGenerator.populate(connection, Scale.of(7, 4, 2));
                try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(fingerprint)) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(first);
                }
            }
        }
    }

    @Test
    void theGeneratorRefusesADatabaseThatHasData(DataSource dataSource) {
        assertThatThrownBy(() -> DataGenerator.populate(dataSource, Scale.of(1, 1, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has dealerships");
    }

    @Test
    void identitySequencesContinueAfterTheGeneratedIds(DataSource dataSource, Scale scale) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            connection.setAutoCommit(false);
            try (ResultSet rs = st.executeQuery("INSERT INTO dealership (name, city) VALUES ('New', 'Oslo') RETURNING id")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(scale.dealerships() + 1L);
            }
            connection.rollback();
        }
    }

    @Test
    void theRecorderSeesStatementsParametersAndRows(DataSource dataSource, StatementRecorder recorder)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT id FROM car WHERE dealership_id = ?")) {
            for (long dealership = 1; dealership <= 2; dealership++) {
                ps.setLong(1, dealership);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
            }
        }
        assertThatStatements(recorder).hasCount(2).hasRowsRead(8);
        assertThat(recorder.statements().get(0).parameters()).containsExactly(1L);
        assertThat(recorder.statements().get(1).parameters()).containsExactly(2L);
        assertThat(recorder.statements().get(1).thread()).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void theRecorderTellsThisThreadsStatementsFromAllThreads(DataSource dataSource, StatementRecorder recorder)
            throws Exception {
        Thread other = new Thread(() -> {
            try {
                count(dataSource, "SELECT count(*) FROM salesperson");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, "another-thread");
        other.start();
        other.join();
        count(dataSource, "SELECT count(*) FROM car");

        assertThat(recorder.statements()).extracting(RecordedStatement::thread)
                .containsExactlyInAnyOrder("another-thread", Thread.currentThread().getName());
        assertThat(recorder.statementsOfCurrentThread()).singleElement()
                .satisfies(s -> assertThat(s.sql()).contains("FROM car"))
                .satisfies(s -> assertThat(s.executeNanos()).isPositive());
    }

    @Test
    void theRecorderIsResetBeforeEachTest(StatementRecorder recorder) {
        assertThat(recorder.statements()).isEmpty();
    }

    @Test
    void theNPlusOneDetectorNamesTheRepeatedStatement(DataSource dataSource, StatementRecorder recorder)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (long dealership = 1; dealership <= 5; dealership++) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT id FROM car\n    WHERE dealership_id = ?")) {
                    ps.setLong(1, dealership);
                    ps.executeQuery().close();
                }
            }
        }
        assertThatThrownBy(() -> assertThatStatements(recorder).hasNoNPlusOne())
                .hasMessageContaining("N+1: this statement ran 5 times")
                .hasMessageContaining("SELECT id FROM car WHERE dealership_id = ?")
                .hasMessageContaining("(1, 2, 3, ...)");
        assertThatStatements(recorder).hasNoNPlusOne(5);
        assertThatThrownBy(() -> assertThatStatements(recorder).hasAtMost(2))
                .hasMessageContaining("Expected at most 2 statements, but 5 ran")
                .hasMessageContaining("1. SELECT id FROM car WHERE dealership_id = ? [1] -> 0 rows");
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        return Long.parseLong(text(dataSource, sql));
    }

    private static String text(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
