package dbworkbook.part1;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.recorder.StatementRecorder;
import java.util.List;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** Lesson 4: parents first, then the children of many parents per statement. */
@WorkbookTest(dealerships = 10, carsPerDealership = 5, mybatisConfig = "dbworkbook/part1/mybatis-config.xml")
class SelectInBatchTest {

    @Test
    void runsTwoStatementsWhenAllParentsFitInOneBatch(
            SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        List<Dealership> dealerships = new SelectInBatchDealershipRepository(factory).findAllWithCars();

        GeneratedData.assertAllDealershipsWithAllCars(dealerships, scale);
        assertThatStatements(recorder).hasCount(2).hasRowsRead(scale.dealerships() + scale.cars());
    }

    @Test
    void runsOneMoreStatementPerBatch(SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        List<Dealership> dealerships = new SelectInBatchDealershipRepository(factory, 4).findAllWithCars();

        GeneratedData.assertAllDealershipsWithAllCars(dealerships, scale);
        // 10 dealerships in batches of 4: 4 + 4 + 2.
        assertThatStatements(recorder).hasCount(1 + 3);
        assertThat(recorder.statements().get(1).parameters()).hasSize(1); // the whole batch is one array parameter
    }
}
