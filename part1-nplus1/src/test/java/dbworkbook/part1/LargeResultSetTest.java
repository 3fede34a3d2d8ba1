package dbworkbook.part1;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.part1.demo.ExportInChildJvm;
import dbworkbook.part1.demo.ExportInChildJvm.Ending;
import dbworkbook.part1.demo.ExportInChildJvm.Outcome;
import dbworkbook.part1.demo.ExportInChildJvm.Run;
import dbworkbook.part1.demo.ExportInChildJvm.StatementSettings;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lesson 10: every car of a table that does not fit in the heap, read three ways, one after another in a JVM of its
 * own with a {@value SmallHeap#HEAP_MB} MB heap (see {@link SmallHeap} for how that size was chosen). The streaming
 * way runs first; before each way a full collection brings the heap back to what the JVM holds anyway, and the test
 * checks that it did, so a way that ran out of heap leaves nothing for the next.
 */
@WorkbookTest(dealerships = SmallHeap.CARS / 100, carsPerDealership = 100, salespeoplePerDealership = 0)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LargeResultSetTest {

    /** How far the heap before one way may be from the heap before the first: what the JVM's own caches move. */
    private static final long SAME_BASELINE_BYTES = 1_000_000;

    private Outcome streaming;
    private Outcome selectList;
    private Outcome autoCommitCursor;

    @BeforeAll
    void runTheThreeWaysInASmallHeap(WorkbookDatabase database) {
        List<Outcome> outcomes = ExportInChildJvm.run(database, Stream.of(StreamingCursorCarExport.class,
                        SelectListCarExport.class, AutoCommitCursorCarExport.class)
                .map(way -> Run.of(way.getName())).toList(), ExportInChildJvm.Launch.quick(SmallHeap.HEAP_MB));
        streaming = outcomes.get(0);
        selectList = outcomes.get(1);
        autoCommitCursor = outcomes.get(2);
    }

    @Test
    void aCursorInATransactionStreamsEveryCar(WorkbookDatabase database) throws SQLException {
        assertThat(streaming.ending()).as(describe(streaming)).isEqualTo(Ending.EXPORTED);
        assertThat(streaming.statements()).singleElement().extracting(StatementSettings::streamable).isEqualTo(true);
        assertThat(streaming.totals().cars()).isEqualTo(SmallHeap.CARS);
        assertThat(streaming.totals().priceSum()).isEqualByComparingTo(priceSum(database));
    }

    @Test
    void selectListRunsOutOfHeapThoughTheDriverFetchesInPieces() {
        assertThat(selectList.ending()).as(describe(selectList)).isEqualTo(Ending.OUT_OF_HEAP);
        // The driver could stream (a transaction, a fetch size): it is MyBatis' list that holds every car.
        assertThat(selectList.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.streamable()).isTrue();
            assertThat(statement.fetchSize()).isEqualTo(1000);
        });
        assertThat(selectList.totals().cars()).as("cars handed on before it ran out").isZero();
    }

    @Test
    void aCursorUnderAutoCommitRunsOutOfHeapTheFetchSizeIgnored() {
        assertThat(autoCommitCursor.ending()).as(describe(autoCommitCursor)).isEqualTo(Ending.OUT_OF_HEAP);
        // The same fetch size was asked for; under auto-commit PgJDBC reads every row before the first reaches MyBatis.
        assertThat(autoCommitCursor.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.autoCommit()).isTrue();
            assertThat(statement.fetchSize()).isEqualTo(1000);
        });
        assertThat(autoCommitCursor.totals().cars()).as("cars handed on before it ran out").isZero();
    }

    @Test
    void eachWayBeganWithTheHeapAsTheFirstDid() {
        for (Outcome later : List.of(selectList, autoCommitCursor)) {
            assertThat(later.baselineBytes()).as("heap in use before a later way, against before the first")
                    .isCloseTo(streaming.baselineBytes(), Offset.offset(SAME_BASELINE_BYTES));
        }
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
                .filter(Objects::nonNull).map(s -> ": " + s).collect(Collectors.joining());
    }
}
