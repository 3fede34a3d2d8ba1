package dbworkbook.part4.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.Workbook;
import dbworkbook.common.demo.Demo;
import dbworkbook.common.demo.DemoSmoke;
import dbworkbook.common.junit.WorkbookExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The demo at a tiny scale: every measurement returns its rows, with the outcomes the lessons predict. No times. */
@ExtendWith(WorkbookExtension.class)
class Part4DemoTest {

    private static final String TINY = "--scale-percent 1 --runs 1 --warmups 0 --warmup-ms 0 --round-trip-us 100 "
            + "--workers 4 --measure-ms 50";

    @Test
    void everyMeasurementReturnsTheOutcomesOfItsLesson(Workbook workbook, @TempDir Path root) {
        Demo.Result result = DemoSmoke.run(workbook, Part4Demo.CHAPTER, Part4Demo.measurements(), root, TINY).result();

        ConnectVersusBorrow.Result connect = result.of(ConnectVersusBorrow.class);
        assertThat(connect.opened().unitsPerSecond()).isPositive();
        assertThat(connect.borrowed().unitsPerSecond()).isPositive();

        SizingCurve.Result sizing = result.of(SizingCurve.class);
        assertThat(sizing.of(false)).extracting(SizingCurve.Point::poolSize).containsExactly(1, 2, 4);
        assertThat(sizing.of(true)).extracting(SizingCurve.Point::poolSize).containsExactly(1, 2, 4);
        assertThat(sizing.points()).allSatisfy(point -> assertThat(point.units()).isPositive());
        assertThat(sizing.of(false).get(0).busyConnections()).as("a pool of 1 has at most 1 busy connection")
                .isLessThanOrEqualTo(1.0);

        Exhaustion.Result exhaustion = result.of(Exhaustion.class);
        assertThat(exhaustion.message()).startsWith("SQLTransientConnectionException")
                .contains("request timed out after");
        assertThat(exhaustion.afterwards().active()).isEqualTo(2);

        Leak.Result leak = result.of(Leak.class);
        assertThat(leak.warning()).contains("Connection leak detection triggered");
        assertThat(leak.borrowedAt()).first().asString().startsWith("dbworkbook.part4.LeakingCarCounter.countCars");
        assertThat(leak.afterwards().active()).isEqualTo(1);

        Recovery.Result recovery = result.of(Recovery.class);
        assertThat(recovery.of(true).failed()).as("soft-evicting: no read fails").isZero();
        assertThat(recovery.rows()).allSatisfy(row -> assertThat(row.rowsRight()).isTrue());

        StuckQueries.Result stuck = result.of(StuckQueries.class);
        assertThat(stuck.of(false)).extracting(StuckQueries.Point::stuck).containsExactlyElementsOf(StuckQueries.STUCK);
        assertThat(stuck.of(true)).extracting(StuckQueries.Point::stuck).containsExactlyElementsOf(StuckQueries.STUCK);
        assertThat(stuck.points()).as("every stuck request ended one way").allSatisfy(point -> assertThat(
                point.stuckCanceled() + point.stuckCompleted() + point.stuckTimedOutInThePool()).isEqualTo(point.stuck()));
        assertThat(stuck.at(0, false).units()).isPositive();
        StuckQueries.Point drained = stuck.at(stuck.poolSize(), false);
        assertThat(drained.units()).as("no bound, every connection stuck: nothing served").isZero();
        assertThat(drained.timedOut()).isPositive();
        assertThat(drained.stuckCompleted()).as("they ran when the sale ended").isEqualTo(stuck.poolSize());
        assertThat(stuck.of(true)).as("the bound ends them; nothing waits for the sale")
                .allSatisfy(point -> assertThat(point.stuckCompleted()).isZero());
        assertThat(stuck.at(stuck.poolSize(), true).stuckCanceled()).isEqualTo(stuck.poolSize());
    }
}
