package dbworkbook.part2;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part2.mapper.CarSearchMapper;
import dbworkbook.part2.mapper.DealershipMapper;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lesson 8: the N+1 detector over spans flags the nested select, and neither the JOIN nor a load in batches, which
 * repeats its statement a few times on purpose.
 */
@WorkbookTest(dealerships = 12, carsPerDealership = 2)
class NPlusOneDetectorTest {

    private static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();
    private static final NPlusOneDetector DETECTOR = NPlusOneDetector.withDefaultThreshold();
    private static StatementTracing tracing;
    private static SqlSessionFactory factory;

    @BeforeAll
    static void traceTheDataSource(DataSource dataSource) {
        tracing = StatementTracing.exportingTo(EXPORTER);
        factory = MyBatisBootstrap.sqlSessionFactory(tracing.traced(dataSource), StatementTracingTest.CONFIG);
    }

    @AfterAll
    static void stopTracing() {
        tracing.close();
    }

    @BeforeEach
    void forgetEarlierSpans() {
        EXPORTER.reset();
    }

    @Test
    void flagsTheNestedSelectOncePerUnitOfWork(Scale scale) {
        inOneSession("every dealership, nested select", session ->
                session.getMapper(DealershipMapper.class).findAllWithCars());

        assertThat(DETECTOR.findings(EXPORTER.getFinishedSpanItems())).singleElement().satisfies(finding -> {
            assertThat(finding.statement()).isEqualTo(StatementTracingTest.NESTED_SELECT);
            assertThat(finding.repetitions()).isEqualTo(scale.dealerships());
            assertThat(finding.parentName()).isEqualTo("every dealership, nested select");
        });
    }

    @Test
    void doesNotFlagTheJoinNorALoadInBatchesThatRepeatsItsStatementAFewTimes(Scale scale) {
        inOneSession("every dealership, one join", session ->
                session.getMapper(DealershipMapper.class).findAllWithCarsJoined());
        DealershipsInBatches inBatches = new DealershipsInBatches(4);
        inOneSession("every dealership, in batches", inBatches::load);

        List<SpanData> spans = EXPORTER.getFinishedSpanItems();
        long batches = (scale.dealerships() + inBatches.batchSize() - 1) / inBatches.batchSize();
        assertThat(spans).filteredOn(span -> DatabaseSpans.statementText(span).orElse("").contains("= ANY"))
                .as("the batch statement, repeated on purpose").hasSize((int) batches);
        assertThat(batches).isLessThanOrEqualTo(DETECTOR.threshold());
        assertThat(DETECTOR.findings(spans)).isEmpty();
    }

    @Test
    void flagsRunsAboveTheThresholdOnly() {
        int threshold = DETECTOR.threshold();
        inOneSession("as many lookups as the threshold", session -> lookUp(session, 1, threshold));
        inOneSession("one lookup more", session -> lookUp(session, 100, threshold + 1));

        assertThat(DETECTOR.findings(EXPORTER.getFinishedSpanItems())).singleElement()
                .satisfies(finding -> assertThat(finding.parentName()).isEqualTo("one lookup more"))
                .satisfies(finding -> assertThat(finding.repetitions()).isEqualTo(threshold + 1));
    }

    @Test
    void aSessionPerLookupIsStillOneRunTheConnectionSpansBetweenDoNotCount() {
        int lookups = DETECTOR.threshold() + 3;
        tracing.unitOfWork("a session per lookup", () -> {
            for (long id = 1; id <= lookups; id++) {
                try (SqlSession session = factory.openSession()) {
                    session.getMapper(CarSearchMapper.class).findById(id);
                }
            }
            return null;
        });

        List<SpanData> spans = EXPORTER.getFinishedSpanItems();
        assertThat(spans).filteredOn(DatabaseSpans::isConnection).hasSize(lookups);
        assertThat(DETECTOR.findings(spans)).singleElement()
                .satisfies(finding -> assertThat(finding.repetitions()).isEqualTo(lookups));
    }

    /** Distinct ids: a repeated one would be answered from the session's local cache, without a statement. */
    private static Object lookUp(SqlSession session, long firstId, int count) {
        CarSearchMapper cars = session.getMapper(CarSearchMapper.class);
        return LongStream.range(firstId, firstId + count).mapToObj(cars::findById).toList();
    }

    private static void inOneSession(String unitOfWork, Function<SqlSession, ?> work) {
        tracing.unitOfWork(unitOfWork, () -> {
            try (SqlSession session = factory.openSession()) {
                return work.apply(session);
            }
        });
    }
}
