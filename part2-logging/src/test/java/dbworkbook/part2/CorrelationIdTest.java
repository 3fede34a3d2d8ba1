package dbworkbook.part2;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.logging.LogCapture;
import dbworkbook.part2.mapper.CarSearchMapper;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;

/** Lesson 4: every SQL line of one unit of work carries that unit's correlation id. */
@WorkbookTest(dealerships = 2, carsPerDealership = 3, mybatisConfig = "dbworkbook/part2/mybatis-config.xml")
class CorrelationIdTest {

    @Test
    void everySqlLineOfAUnitOfWorkCarriesItsId(SqlSessionFactory factory) {
        try (LogCapture log = LogCapture.of(Level.DEBUG, "dbworkbook.part2.mapper")) {
            try (CorrelationId.Scope first = CorrelationId.begin("req-1")) {
                findCar(factory, 1);
            }
            try (CorrelationId.Scope second = CorrelationId.begin("req-2")) {
                findCar(factory, 2);
            }
            findCar(factory, 3);

            assertThat(log.events().stream().collect(Collectors.groupingBy(CorrelationIdTest::correlationId,
                    Collectors.counting())))
                    .as("3 lines (Preparing, Parameters, Total) per unit of work; none outside one")
                    .containsEntry("req-1", 3L).containsEntry("req-2", 3L).containsEntry("none", 3L);
        }
    }

    @Test
    void aPatternLayoutPrintsTheIdInEveryLine(SqlSessionFactory factory) {
        PatternLayout layout = PatternLayout.newBuilder().setPattern("[%X{correlationId}] %msg").build();
        try (LogCapture log = LogCapture.of(Level.DEBUG, "dbworkbook.part2.mapper")) {
            try (CorrelationId.Scope request = CorrelationId.begin()) {
                findCar(factory, 1);
                List<String> lines = log.events().stream().map(layout::toSerializable).toList();
                assertThat(lines).hasSize(3).allMatch(line -> line.startsWith("[" + request.id() + "] <==")
                        || line.startsWith("[" + request.id() + "] ==>"));
            }
        }
    }

    @Test
    void closingTheScopeLeavesNoIdBehindOnThePooledThread() {
        try (CorrelationId.Scope outer = CorrelationId.begin("outer")) {
            try (CorrelationId.Scope inner = CorrelationId.begin("inner")) {
                assertThat(ThreadContext.get(CorrelationId.KEY)).isEqualTo("inner");
            }
            assertThat(ThreadContext.get(CorrelationId.KEY)).isEqualTo("outer");
        }
        assertThat(ThreadContext.get(CorrelationId.KEY)).isNull();
    }

    private static String correlationId(LogEvent event) {
        String id = event.getContextData().getValue(CorrelationId.KEY);
        return id == null ? "none" : id;
    }

    private static void findCar(SqlSessionFactory factory, long id) {
        try (SqlSession session = factory.openSession()) {
            session.getMapper(CarSearchMapper.class).findById(id);
        }
    }
}
