package dbworkbook.part2;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Scale;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import dbworkbook.part2.mapper.CarSearchMapper;
import dbworkbook.part2.mapper.DealershipMapper;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lesson 8: with OpenTelemetry's JDBC instrumentation around the DataSource, every statement is a span under the
 * unit of work's span, seen here through the SDK's in-memory exporter.
 */
@WorkbookTest(dealerships = 12, carsPerDealership = 2)
class StatementTracingTest {

    static final String CONFIG = "dbworkbook/part2/mybatis-config.xml";
    static final String NESTED_SELECT = "SELECT id, dealership_id, make, model, year, price, is_sold FROM car "
            + "WHERE dealership_id = ? ORDER BY id";

    private static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();
    private static StatementTracing tracing;
    private static SqlSessionFactory factory;

    @BeforeAll
    static void traceTheDataSource(DataSource dataSource) {
        tracing = StatementTracing.exportingTo(EXPORTER);
        factory = MyBatisBootstrap.sqlSessionFactory(tracing.traced(dataSource), CONFIG);
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
    void theNPlusOneIsOnePlusNStatementSpansUnderTheUnitOfWork(Scale scale, StatementRecorder recorder) {
        recorder.reset();
        load("nested select", session -> session.getMapper(DealershipMapper.class).findAllWithCars());

        List<SpanData> spans = EXPORTER.getFinishedSpanItems();
        SpanData unitOfWork = unitOfWork(spans);
        List<SpanData> statements = spans.stream().filter(DatabaseSpans::isStatement).toList();
        assertThat(statements).hasSize(1 + scale.dealerships())
                .allSatisfy(span -> assertThat(span.getParentSpanId()).isEqualTo(unitOfWork.getSpanId()))
                .allSatisfy(span -> assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT));
        assertThat(statements).as("one span per statement that reached the database").hasSize(recorder.count());
        // The session borrowed one connection: a span too, but not a statement. Counted with them, the N+1 would be
        // 2 + N "database spans".
        assertThat(spans).filteredOn(DatabaseSpans::isConnection).singleElement()
                .satisfies(span -> assertThat(span.getName()).endsWith(".getConnection"))
                .satisfies(span -> assertThat(span.getParentSpanId()).isEqualTo(unitOfWork.getSpanId()));
        assertThat(spans).hasSize(1 + 1 + statements.size());
    }

    @Test
    void theJoinIsOneStatementSpan() {
        load("join", session -> session.getMapper(DealershipMapper.class).findAllWithCarsJoined());

        assertThat(EXPORTER.getFinishedSpanItems()).filteredOn(DatabaseSpans::isStatement).singleElement()
                .satisfies(span -> assertThat(DatabaseSpans.statementText(span)).hasValueSatisfying(
                        sql -> assertThat(sql).contains("FROM dealership d LEFT JOIN car c")));
    }

    @Test
    void theSpansCarryTheStatementTextAndTheDatabaseSystemUnderThisVersionsAttributeNames() {
        load("nested select", session -> session.getMapper(DealershipMapper.class).findAllWithCars());

        List<SpanData> statements = EXPORTER.getFinishedSpanItems().stream().filter(DatabaseSpans::isStatement)
                .toList();
        assertThat(statements).filteredOn(span -> DatabaseSpans.statementText(span).orElseThrow()
                .equals(NESTED_SELECT)).hasSize(statements.size() - 1);
        assertThat(statements)
                .allSatisfy(span -> assertThat(DatabaseSpans.databaseSystem(span)).hasValue("postgresql"));
        // opentelemetry-jdbc 2.31.1-alpha, by default: the conventions from before 1.26. If this fails after an
        // upgrade, the default has changed; DatabaseSpans reads the stable names too (the next test).
        assertThat(statements).allSatisfy(span -> {
            assertThat(DatabaseSpans.statementTextAttribute(span)).hasValue("db.statement");
            assertThat(span.getAttributes().get(DatabaseSpans.QUERY_TEXT)).isNull();
            assertThat(span.getAttributes().get(DatabaseSpans.SYSTEM)).isEqualTo("postgresql");
        });
    }

    @Test
    void readsTheStableAttributeNamesToo() {
        // What the instrumentation emits with -Dotel.semconv-stability.opt-in=database (read once per JVM, at start).
        SpanData stable = span(Attributes.of(DatabaseSpans.QUERY_TEXT, NESTED_SELECT,
                DatabaseSpans.SYSTEM_NAME, "postgresql"));

        assertThat(DatabaseSpans.statementText(stable)).hasValue(NESTED_SELECT);
        assertThat(DatabaseSpans.statementTextAttribute(stable)).hasValue("db.query.text");
        assertThat(DatabaseSpans.databaseSystem(stable)).hasValue("postgresql");
        assertThat(DatabaseSpans.isStatement(stable)).isTrue();
    }

    @Test
    void bindParametersAndPastedValuesAreNotRecordedByDefault() {
        load("searches", session -> {
            CarSearchMapper cars = session.getMapper(CarSearchMapper.class);
            cars.findByMakeAndPriceRange("Kia", BigDecimal.ONE, new BigDecimal("99999"));
            return cars.findByMakePasted("Kia"); // ${}: 'Kia' is in the SQL text the driver receives
        });

        List<SpanData> statements = EXPORTER.getFinishedSpanItems().stream().filter(DatabaseSpans::isStatement)
                .toList();
        assertThat(statements).hasSize(2).allSatisfy(span -> assertThat(span.getAttributes().asMap().values())
                .noneMatch(value -> value.toString().contains("Kia")));
        // Query sanitization replaced the pasted literal with a ?, as if it had been bound.
        assertThat(statements).map(span -> DatabaseSpans.statementText(span).orElseThrow())
                .anyMatch(sql -> sql.contains("WHERE make = ? AND price BETWEEN ? AND ?"))
                .anyMatch(sql -> sql.contains("WHERE make = ? ORDER BY id"));
    }

    @Test
    void recordingTheParametersIsASettingOfItsOwn(DataSource dataSource) {
        DataSource withParameters = JdbcTelemetry.builder(tracing.openTelemetry())
                .setCaptureQueryParameters(true).build().wrap(dataSource);
        SqlSessionFactory revealing = MyBatisBootstrap.sqlSessionFactory(withParameters, CONFIG);
        tracing.unitOfWork("search", () -> {
            try (SqlSession session = revealing.openSession()) {
                return session.getMapper(CarSearchMapper.class).findByMakeAndPriceRange("Kia", BigDecimal.ONE,
                        new BigDecimal("99999"));
            }
        });

        assertThat(EXPORTER.getFinishedSpanItems()).filteredOn(DatabaseSpans::isStatement).singleElement()
                .satisfies(span -> assertThat(span.getAttributes().asMap())
                        .anySatisfy((key, value) -> {
                            assertThat(key.getKey()).startsWith("db.query.parameter.");
                            assertThat(value).isEqualTo("Kia");
                        }));
    }

    /** Runs {@code work} in a session of its own, inside a unit of work's span. */
    static <T> T load(String name, Function<SqlSession, T> work) {
        return tracing.unitOfWork(name, () -> {
            try (SqlSession session = factory.openSession()) {
                return work.apply(session);
            }
        });
    }

    private static SpanData unitOfWork(List<SpanData> spans) {
        List<SpanData> roots = spans.stream().filter(span -> !span.getParentSpanContext().isValid()).toList();
        assertThat(roots).as("one root span, the unit of work's").hasSize(1);
        return roots.get(0);
    }

    private static SpanData span(Attributes attributes) {
        return TestSpanData.builder()
                .setSpanContext(SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                        TraceFlags.getSampled(), TraceState.getDefault()))
                .setInstrumentationScopeInfo(InstrumentationScopeInfo.create(DatabaseSpans.JDBC_SCOPE))
                .setName("SELECT car").setKind(SpanKind.CLIENT).setStartEpochNanos(1).setEndEpochNanos(2)
                .setAttributes(attributes).setStatus(StatusData.unset()).setHasEnded(true).build();
    }
}
