package dbworkbook.part2;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.demo.NetworkDelayProxy;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part2.FlightRecorderProfile.Profile;
import dbworkbook.part2.mapper.DealershipMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Lesson 9: a Flight Recorder profile of the N+1 and of the JOIN, counted on the loading thread only. What is
 * asserted does not depend on speed: how many statements and socket reads, never how long they took.
 */
@WorkbookTest(dealerships = 40, carsPerDealership = 2, mybatisConfig = StatementTracingTest.CONFIG)
class FlightRecorderProfileTest {

    @Test
    void theNPlusOneWaitsForTheServerOncePerStatementTheJoinAFewTimes(SqlSessionFactory factory, Scale scale) {
        Profile nPlusOne = profile(factory, mapper -> mapper.findAllWithCars());
        Profile join = profile(factory, mapper -> mapper.findAllWithCarsJoined());

        assertThat(nPlusOne.statements()).as("lesson 7's statement events").isEqualTo(1 + scale.dealerships());
        assertThat(nPlusOne.socketReads()).as("at least one read for each statement's answer")
                .isGreaterThanOrEqualTo(1 + scale.dealerships());
        assertThat(join.statements()).isEqualTo(1);
        assertThat(join.socketReads()).isPositive().isLessThan(nPlusOne.socketReads() / 5);
        assertThat(nPlusOne.layers().stream().mapToInt(FlightRecorderProfile.LayerSamples::samples).sum())
                .as("every CPU sample of the loading thread is put down to one layer").isEqualTo(nPlusOne.cpuSamples());
    }

    @Test
    void theDelayRelaysThreadsReadSocketsTooAndAreNotCounted(WorkbookDatabase database, Scale scale)
            throws IOException {
        try (NetworkDelayProxy relay = NetworkDelayProxy.start(database.workbook().server().address(), Duration.ZERO);
             HikariDataSource relayed = database.pooledDataSourceThrough(relay.address(), "part2-profile-relayed", 1)) {
            SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(relayed, StatementTracingTest.CONFIG);
            Profile nPlusOne = profile(factory, mapper -> mapper.findAllWithCars());

            // The relay reads every request from the driver and every answer from the server: on its own threads.
            assertThat(nPlusOne.socketReads()).isGreaterThanOrEqualTo(1 + scale.dealerships());
            assertThat(nPlusOne.otherThreadsSocketReads()).isGreaterThanOrEqualTo(2L * (1 + scale.dealerships()));
        }
    }

    private static Profile profile(SqlSessionFactory factory, Function<DealershipMapper, ?> load) {
        return FlightRecorderProfile.of(() -> {
            try (SqlSession session = factory.openSession()) {
                load.apply(session.getMapper(DealershipMapper.class));
            }
        });
    }
}
