package dbworkbook.part3.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.Workbook;
import dbworkbook.common.demo.Demo;
import dbworkbook.common.demo.DemoSmoke;
import dbworkbook.common.junit.WorkbookExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The demo at a tiny scale: every measurement returns its rows, with the counts the lessons predict. No times. */
@ExtendWith(WorkbookExtension.class)
class Part3DemoTest {

    private static final String TINY = "--scale-percent 1 --runs 1 --warmups 0 --warmup-ms 0 --round-trip-us 100 "
            + "--sweep-max-round-trip-us 200 --lookups 3000";

    @Test
    void everyMeasurementReturnsTheCountsOfItsLesson(Workbook workbook, @TempDir Path root) {
        Demo.Result result = DemoSmoke.run(workbook, Part3Demo.CHAPTER, Part3Demo.measurements(), root, TINY).result();

        ExecutorTypes.Result executors = result.of(ExecutorTypes.class);
        int rows = executors.rowsCounted();
        assertThat(rows).isEqualTo(100);
        assertThat(executors.of(InsertSetup.SIMPLE).prepared()).as("SIMPLE prepares every time").isEqualTo(rows);
        assertThat(executors.of(InsertSetup.SIMPLE).jdbcExecutions()).isEqualTo(rows);
        assertThat(executors.of(InsertSetup.REUSE).prepared()).as("REUSE prepares once").isEqualTo(1);
        assertThat(executors.of(InsertSetup.REUSE).jdbcExecutions()).isEqualTo(rows);
        assertThat(executors.of(InsertSetup.BATCH).jdbcExecutions()).as("BATCH: one executeBatch").isEqualTo(1);
        assertThat(executors.of(InsertSetup.BATCH_REWRITTEN).jdbcExecutions()).isEqualTo(1);
        if (executors.serverUnavailable() == null) {
            assertThat(executors.of(InsertSetup.BATCH).insertsOnServer()).isEqualTo(rows);
            assertThat(executors.of(InsertSetup.BATCH_REWRITTEN).insertsOnServer()).as("multi-row INSERTs")
                    .isBetween(1L, rows / 10L);
        }

        ExecutorTypesByRoundTrip.Result sweep = result.of(ExecutorTypesByRoundTrip.class);
        assertThat(sweep.distances()).containsExactly(0.0, 0.025, 0.05, 0.1, 0.15, 0.2);
        assertThat(sweep.points()).hasSize(6 * InsertSetup.values().length);

        assertThat(result.of(PrepareThresholds.class).rows())
                .extracting(PrepareThresholds.Row::prepareThreshold, PrepareThresholds.Row::lookupPreparedOnServer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 0L), org.assertj.core.groups.Tuple.tuple(5, 1L),
                        org.assertj.core.groups.Tuple.tuple(-1, 1L));

        Caches.Result caches = result.of(Caches.class);
        assertThat(caches.lookups()).isEqualTo(30);
        assertThat(caches.of(Caches.Setting.NO_CACHE).statements()).isEqualTo(30);
        assertThat(caches.of(Caches.Setting.READ_WRITE).statements()).isEqualTo(caches.distinctDealerships());
        assertThat(caches.of(Caches.Setting.READ_ONLY).statements()).isEqualTo(caches.distinctDealerships());
        assertThat(caches.of(Caches.Setting.ONE_SESSION).statements()).isEqualTo(caches.distinctDealerships());
        assertThat(caches.of(Caches.Setting.TOO_SMALL).statements()).isGreaterThan(caches.distinctDealerships());
    }
}
