package dbworkbook.part3.exercises;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part3.NewCars;
import dbworkbook.part3.Part3;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Exercise 3's contract: what any correct car importer does. Each test deletes the cars it imported. */
@WorkbookTest(dealerships = 1, carsPerDealership = 0, salespeoplePerDealership = 0,
        mybatisConfig = Part3.MYBATIS_CONFIG)
abstract class CarImporterContract {

    static final String TASK = "Exercise 3: make CarImporter send its inserts in a JDBC batch "
            + "(a SqlSession opened with ExecutorType.BATCH, as lesson 2 does) and still return every generated id";
    static final int CARS = 10_000;
    static final String MODEL = "imported";

    /** The importer under test: inserts the cars, commits, returns their ids in order. */
    abstract List<Long> importCars(SqlSessionFactory factory, List<Car> cars);

    @AfterEach
    void deleteTheImportedCars(WorkbookDatabase db) throws SQLException {
        try (Connection connection = db.connect();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM car WHERE model = ?")) {
            delete.setString(1, MODEL);
            delete.executeUpdate();
        }
    }

    @Test
    void importsEveryCarCommitsAndReturnsTheIdsInOrder(SqlSessionFactory factory, WorkbookDatabase db)
            throws SQLException {
        checkImportsEveryCarAndReturnsItsId(importCars(factory, NewCars.of(CARS, 1, MODEL)), db);
    }

    @Test
    void runsAtMostTenJdbcExecutions(SqlSessionFactory factory, StatementRecorder recorder) {
        importCars(factory, NewCars.of(CARS, 1, MODEL));

        assertThatStatements(recorder).as("%s: at most %d JDBC executions for %d cars", TASK,
                CarImporter.MAX_EXECUTIONS, CARS).hasAtMost(CarImporter.MAX_EXECUTIONS);
    }

    static void checkImportsEveryCarAndReturnsItsId(List<Long> ids, WorkbookDatabase db) throws SQLException {
        assertThat(ids).as("%s. The ids it returned, one per car: an id is set at flushStatements() (or commit()), "
                + "not by the insert call of a batch", TASK).hasSize(CARS).doesNotContainNull();
        List<Long> committedIds = new ArrayList<>();
        List<BigDecimal> committedPrices = new ArrayList<>();
        // A connection of its own: it sees only what was committed.
        try (Connection connection = db.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, price FROM car WHERE model = ? ORDER BY id")) {
            select.setString(1, MODEL);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    committedIds.add(rs.getLong(1));
                    committedPrices.add(rs.getBigDecimal(2));
                }
            }
        }
        assertThat(committedIds).as("%s. The committed cars' ids, in the order of the list", TASK)
                .containsExactlyElementsOf(ids);
        List<Car> expected = NewCars.of(CARS, 1, MODEL);
        assertThat(committedPrices.get(CARS - 1)).as(TASK).isEqualByComparingTo(expected.get(CARS - 1).getPrice());
    }
}
