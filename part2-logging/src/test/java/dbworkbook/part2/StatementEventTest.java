package dbworkbook.part2;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.part2.mapper.DealershipMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/** Lesson 7: every statement is a Java Flight Recorder event, nested selects included. */
@WorkbookTest(dealerships = 4, carsPerDealership = 2, mybatisConfig = "dbworkbook/part2/mybatis-config.xml")
class StatementEventTest {

    @Test
    void aRecordingHoldsOneEventPerStatementWithItsIdAndSql(SqlSessionFactory factory, Scale scale)
            throws IOException {
        Path file = Files.createTempFile("part2-statements", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(StatementEvent.class).withThreshold(Duration.ZERO);
            recording.start();
            try (SqlSession session = factory.openSession()) {
                session.getMapper(DealershipMapper.class).findAllWithCars();
            }
            recording.stop();
            recording.dump(file);

            List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                    .filter(event -> event.getEventType().getName().equals("dbworkbook.MyBatisStatement"))
                    .toList();
            assertThat(events).hasSize(1 + scale.dealerships());
            assertThat(events).filteredOn(event -> event.getString("statementId").endsWith(".findCarsByDealershipId"))
                    .hasSize(scale.dealerships())
                    .allSatisfy(event -> assertThat(event.getString("sql")).contains("WHERE dealership_id = ?"));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
