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

/** Lesson 5: two collections in one JOIN multiply; one query per collection adds. */
@WorkbookTest(dealerships = 10, carsPerDealership = 6, salespeoplePerDealership = 4,
        mybatisConfig = "dbworkbook/part1/mybatis-config.xml")
class CartesianProductTest {

    @Test
    void oneJoinOverTwoCollectionsReadsCarsTimesSalespeopleRows(
            SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        List<Dealership> dealerships = new TwoCollectionsInOneJoinRepository(factory).findAllWithCarsAndSalespeople();

        // The objects are right: MyBatis folds the repeated rows by <id>...
        GeneratedData.assertAllDealershipsWithAllCars(dealerships, scale);
        GeneratedData.assertAllSalespeople(dealerships, scale);
        // ...but every car came once per salesperson: 10 x 6 x 4 = 240 rows for 60 cars and 40 salespeople.
        assertThatStatements(recorder).hasCount(1)
                .hasRowsRead((long) scale.dealerships() * scale.carsPerDealership() * scale.salespeoplePerDealership());
    }

    @Test
    void oneQueryPerCollectionReadsCarsPlusSalespeopleRows(
            SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        List<Dealership> dealerships = new OneQueryPerCollectionRepository(factory).findAllWithCarsAndSalespeople();

        GeneratedData.assertAllDealershipsWithAllCars(dealerships, scale);
        GeneratedData.assertAllSalespeople(dealerships, scale);
        assertThatStatements(recorder).hasCount(2).hasRowsRead(scale.cars() + scale.salespeople());
    }

    @Test
    void bothReturnTheSameObjects(SqlSessionFactory factory) {
        List<Dealership> joined = new TwoCollectionsInOneJoinRepository(factory).findAllWithCarsAndSalespeople();
        List<Dealership> separate = new OneQueryPerCollectionRepository(factory).findAllWithCarsAndSalespeople();

        assertThat(joined).usingRecursiveComparison().isEqualTo(separate);
    }
}
