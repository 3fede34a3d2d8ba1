package dbworkbook.part1;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.part1.demo.ExportInChildJvm;
import dbworkbook.part1.demo.ExportInChildJvm.Ending;
import dbworkbook.part1.demo.ExportInChildJvm.Outcome;
import dbworkbook.part1.demo.ExportInChildJvm.StatementSettings;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lesson 10: every car of a table that does not fit in the heap, read three ways, each in a JVM of its own with a
 * {@value SmallHeap#HEAP_MB} MB heap (see {@link SmallHeap} for how that size was chosen). The three run at once, in
 * {@code @BeforeAll}: each of them mostly waits for its JVM.
 */
@WorkbookTest(dealerships = SmallHeap.CARS / 100, carsPerDealership = 100, salespeoplePerDealership = 0)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeResultSetTest {

    private static final List<Class<? extends CarExport>> WAYS = List.of(SelectListCarExport.class,
            AutoCommitCursorCarExport.class, StreamingCursorCarExport.class);

    private Map<Class<? extends CarExport>, Outcome> outcomes;

    @BeforeAll
    void runEachWayInASmallHeap(WorkbookDatabase database) {
        Map<Class<? extends CarExport>, CompletableFuture<Outcome>> running = WAYS.stream().collect(Collectors.toMap(
                Function.identity(), way -> CompletableFuture.supplyAsync(() -> ExportInChildJvm.run(database,
                        way.getName(), ExportInChildJvm.Launch.quick(SmallHeap.HEAP_MB)))));
        outcomes = running.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().join()));
    }

    @Test
    void selectListRunsOutOfHeapThoughTheDriverFetchesInPieces() {
        Outcome outcome = outcomes.get(SelectListCarExport.class);

        assertThat(outcome.ending()).as(describe(outcome)).isEqualTo(Ending.OUT_OF_HEAP);
        // The driver could stream (a transaction, a fetch size): it is MyBatis' list that holds every car.
        assertThat(outcome.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.streamable()).isTrue();
            assertThat(statement.fetchSize()).isEqualTo(1000);
        });
        assertThat(outcome.totals().cars()).as("cars handed on before it ran out").isZero();
    }

    @Test
    void aCursorUnderAutoCommitRunsOutOfHeapTheFetchSizeIgnored() {
        Outcome outcome = outcomes.get(AutoCommitCursorCarExport.class);

        assertThat(outcome.ending()).as(describe(outcome)).isEqualTo(Ending.OUT_OF_HEAP);
        // The same fetch size was asked for; under auto-commit PgJDBC reads every row before the first reaches MyBatis.
        assertThat(outcome.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.autoCommit()).isTrue();
            assertThat(statement.fetchSize()).isEqualTo(1000);
        });
        assertThat(outcome.totals().cars()).as("cars handed on before it ran out").isZero();
    }

    @Test
    void aCursorInATransactionStreamsEveryCar(WorkbookDatabase database) throws SQLException {
        Outcome outcome = outcomes.get(StreamingCursorCarExport.class);

        assertThat(outcome.ending()).as(describe(outcome)).isEqualTo(Ending.EXPORTED);
        assertThat(outcome.statements()).singleElement().extracting(StatementSettings::streamable).isEqualTo(true);
        assertThat(outcome.totals().cars()).isEqualTo(SmallHeap.CARS);
        assertThat(outcome.totals().priceSum()).isEqualByComparingTo(priceSum(database));
    }

    private static BigDecimal priceSum(WorkbookDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT sum(price) FROM car")) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    private static String describe(Outcome outcome) {
        return "the export ended " + outcome.ending() + Stream.of(outcome.error(), outcome.where())
                .filter(s -> s != null).map(s -> ": " + s).collect(Collectors.joining());
    }
}
