package dbworkbook.part1.exercises;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Car;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.recorder.StatementRecorder;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** Exercise 2's contract: what any correct {@link CarsByDealershipLoader} does. */
@WorkbookTest(dealerships = 250, carsPerDealership = 2, salespeoplePerDealership = 0,
        mybatisConfig = "dbworkbook/part1/mybatis-config.xml")
abstract class BatchCarLoaderContract {

    static final String TASK = "Exercise 2: make BatchCarLoader ask for the cars of up to 100 dealerships per "
            + "statement (CarLookupMapper.findCarsByDealershipIds), as lesson 4 does";

    /** The loader under test. */
    abstract CarsByDealershipLoader loader();

    @Test
    void loadsTheCarsOfEveryRequestedDealership(SqlSessionFactory factory, Scale scale) {
        List<Long> ids = LongStream.rangeClosed(1, scale.dealerships()).boxed().toList();

        Map<Long, List<Car>> cars = load(factory, ids);

        assertThat(cars.keySet()).as(TASK).containsExactlyElementsOf(ids);
        assertThat(cars.get(1L)).as("%s: the cars of dealership 1", TASK).extracting(Car::getId).containsExactly(1L, 2L);
        assertThat(cars.get(250L)).as("%s: the cars of dealership 250", TASK).extracting(Car::getId)
                .containsExactly(499L, 500L);
    }

    @Test
    void runsOneStatementPerHundredDealerships(SqlSessionFactory factory, StatementRecorder recorder, Scale scale) {
        load(factory, LongStream.rangeClosed(1, scale.dealerships()).boxed().toList());

        assertThatStatements(recorder).as(TASK).hasNoNPlusOne().hasAtMost(3);
    }

    @Test
    void aDealershipWithoutCarsMapsToAnEmptyList(SqlSessionFactory factory) {
        Map<Long, List<Car>> cars = load(factory, List.of(7L, 1_000_000L));

        assertThat(cars.keySet()).as(TASK).containsExactly(7L, 1_000_000L);
        assertThat(cars.get(1_000_000L)).as("%s: a dealership id without cars", TASK).isNotNull().isEmpty();
    }

    @Test
    void noDealershipsNoStatement(SqlSessionFactory factory, StatementRecorder recorder) {
        assertThat(load(factory, List.of())).as(TASK).isEmpty();
        assertThatStatements(recorder).as("%s: nothing to load", TASK).hasCount(0);
    }

    private Map<Long, List<Car>> load(SqlSessionFactory factory, List<Long> ids) {
        try (SqlSession session = factory.openSession()) {
            return loader().loadCars(session, ids);
        }
    }
}
