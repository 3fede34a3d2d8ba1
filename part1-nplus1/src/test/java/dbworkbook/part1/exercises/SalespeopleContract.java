package dbworkbook.part1.exercises;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Dealership;
import dbworkbook.common.domain.Salesperson;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part1.GeneratedData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exercise 1's contract: what any correct {@code SalespeopleMapper.xml} does. Run against the learner's file by
 * {@link SalespeopleExerciseTest} and against the reference solution by {@link SalespeopleSolutionTest}.
 */
@WorkbookTest(dealerships = 20, carsPerDealership = 1, salespeoplePerDealership = 3,
        mybatisConfig = "dbworkbook/part1/mybatis-config.xml")
abstract class SalespeopleContract {

    static final String TASK = "Exercise 1: make SalespeopleMapper.xml load the dealerships with their salespeople in "
            + "one statement (a LEFT JOIN and a nested result map, as lesson 3 does for cars)";

    private SqlSessionFactory factory;

    /** The mapper XML under test, a classpath resource. */
    abstract String mapperXml();

    @BeforeEach
    void buildMyBatisWithTheMapperUnderTest(DataSource dataSource) {
        factory = MyBatisBootstrap.sqlSessionFactory(dataSource, "dbworkbook/part1/mybatis-config.xml", mapperXml());
    }

    @Test
    void loadsEveryDealershipWithAllItsSalespeople(Scale scale) {
        List<Dealership> dealerships = findAllWithSalespeople();

        assertThat(dealerships).as(TASK).hasSize(scale.dealerships());
        GeneratedData.assertAllSalespeople(dealerships, scale);
        Salesperson first = dealerships.get(0).getSalespeople().get(0);
        assertThat(first.getName()).as("%s: the salesperson's name", TASK).isNotBlank();
        assertThat(first.getHiredOn()).as("%s: the salesperson's hired_on", TASK).isNotNull();
        assertThat(first.getDealershipId()).as("%s: the salesperson's dealership_id", TASK).isEqualTo(1L);
    }

    @Test
    void runsOneStatementNotOnePerDealership(StatementRecorder recorder) {
        findAllWithSalespeople();

        assertThatStatements(recorder).as(TASK).hasNoNPlusOne(1).hasCount(1);
    }

    @Test
    void aDealershipWithoutSalespeopleHasAnEmptyList(StatementRecorder recorder) throws SQLException {
        try (SqlSession session = factory.openSession()) {
            try {
                try (Statement statement = session.getConnection().createStatement()) {
                    statement.execute("INSERT INTO dealership (name, city) VALUES ('Nobody Works Here', 'Oslo')");
                }
                List<Dealership> dealerships = session.getMapper(SalespeopleMapper.class).findAllWithSalespeople();

                Dealership last = dealerships.get(dealerships.size() - 1);
                assertThat(last.getName()).as(TASK).isEqualTo("Nobody Works Here");
                assertThat(last.getSalespeople()).as("%s: a dealership without salespeople", TASK).isEmpty();
            } finally {
                session.rollback(true);
            }
        }
    }

    private List<Dealership> findAllWithSalespeople() {
        try (SqlSession session = factory.openSession()) {
            return session.getMapper(SalespeopleMapper.class).findAllWithSalespeople();
        }
    }
}
