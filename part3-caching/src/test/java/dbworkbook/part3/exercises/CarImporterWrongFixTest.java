package dbworkbook.part3.exercises;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.domain.Car;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.part3.CarMapper;
import dbworkbook.part3.NewCars;
import dbworkbook.part3.Part3;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** The usual wrong answer to exercise 3 fails, and the message says why. */
@WorkbookTest(dealerships = 1, carsPerDealership = 0, salespeoplePerDealership = 0,
        mybatisConfig = Part3.MYBATIS_CONFIG)
class CarImporterWrongFixTest {

    @Test
    void collectingTheIdsRightAfterEachBatchedInsertGetsNulls(SqlSessionFactory factory, WorkbookDatabase db) {
        List<Long> ids = new ArrayList<>();
        try (SqlSession session = factory.openSession(ExecutorType.BATCH)) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            for (Car car : NewCars.of(CarImporterContract.CARS, 1, "wrong fix")) {
                mapper.insert(car);
                ids.add(car.getId()); // still null: the insert is only queued
            }
            session.rollback(true);
        }

        assertThatThrownBy(() -> CarImporterContract.checkImportsEveryCarAndReturnsItsId(ids, db))
                .hasMessageStartingWith("[Exercise 3:")
                .hasMessageContaining("an id is set at flushStatements()");
    }
}
