package dbworkbook.part1.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.Workbook;
import dbworkbook.common.demo.Demo;
import dbworkbook.common.demo.DemoSmoke;
import dbworkbook.common.junit.WorkbookExtension;
import dbworkbook.part1.MappingWay;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The demo at a tiny scale: every measurement returns its rows, with the counts the lessons predict. No times. */
@ExtendWith(WorkbookExtension.class)
class Part1DemoTest {

    private static final String TINY = "--scale-percent 1 --runs 1 --warmups 0 --warmup-ms 0 --round-trip-us 100 "
            + "--sweep-runs 1 --sweep-max-round-trip-us 200 --sweep-max-dealerships 10000 --sweep-max-cars 300 "
            + "--large-max-cars 300000";

    @Test
    void everyMeasurementReturnsTheCountsOfItsLesson(Workbook workbook, @TempDir Path root) {
        Demo.Result result = DemoSmoke.run(workbook, Part1Demo.CHAPTER, Part1Demo.measurements(), root, TINY).result();

        LoadingStrategies.Result loading = result.of(LoadingStrategies.class);
        int dealerships = loading.scale().dealerships();
        assertThat(dealerships).isEqualTo(10);
        assertThat(loading.of(Strategy.NESTED_SELECT).statements()).as("N+1").isEqualTo(1 + dealerships);
        assertThat(loading.of(Strategy.LAZY_NESTED_SELECT).statements()).as("lazy N+1").isEqualTo(1 + dealerships);
        assertThat(loading.of(Strategy.NESTED_RESULT_MAP).statements()).as("JOIN").isEqualTo(1);
        assertThat(loading.of(Strategy.PLAIN_JDBC).statements()).as("plain JDBC").isEqualTo(1);
        assertThat(loading.of(Strategy.SELECT_IN).statements()).as("select-in: dealerships, one batch").isEqualTo(2);
        assertThat(loading.of(Strategy.NESTED_RESULT_MAP).rowsRead()).isEqualTo(loading.scale().cars());
        assertThat(loading.of(Strategy.JSON_AGGREGATION).statements()).as("JSON").isEqualTo(1);
        assertThat(loading.of(Strategy.JSON_AGGREGATION).rowsRead()).as("JSON: a row per dealership")
                .isEqualTo(dealerships);
        assertThat(loading.costs()).allSatisfy(cost -> {
            assertThat(cost.bytesFromServer()).as("bytes counted by the relay").isPositive();
            assertThat(cost.allocatedBytes()).as("bytes allocated by the loading thread").isPositive();
        });
        assertThat(loading.of(Strategy.NESTED_SELECT).bytesToServer()).as("N+1 sends its statement N+1 times")
                .isGreaterThan(loading.of(Strategy.NESTED_RESULT_MAP).bytesToServer());

        TwoShapes.Result shapes = result.of(TwoShapes.class);
        for (TwoShapes.Shape shape : java.util.List.of(shapes.manyParents(), shapes.fewParents())) {
            assertThat(shape.of(Strategy.NESTED_SELECT).statements()).isEqualTo(1 + shape.scale().dealerships());
            assertThat(shape.of(Strategy.JSON_AGGREGATION).rowsRead()).isEqualTo(shape.scale().dealerships());
        }

        RoundTripSweep.Result roundTrips = result.of(RoundTripSweep.class);
        assertThat(roundTrips.nPlusOneStatements()).isEqualTo(1 + dealerships);
        assertThat(roundTrips.links()).extracting(RoundTripSweep.Link::addedMs)
                .containsExactly(0.0, 0.025, 0.05, 0.1, 0.15, 0.2);
        assertThat(roundTrips.points()).hasSize(6 * Strategy.SWEPT.size());

        assertThat(Sweeps.xs(result.of(DealershipsSweep.class).points(), true)).containsExactly(10.0, 30.0, 100.0);
        assertThat(result.of(DealershipsSweep.class).points()).hasSize(3 * 2 * Strategy.SWEPT.size());
        assertThat(Sweeps.xs(result.of(CarsSweep.class).points(), false)).containsExactly(1.0, 3.0);

        TwoCollections.Result two = result.of(TwoCollections.class);
        assertThat(two.of(TwoCollections.Way.ONE_JOIN).statements()).isEqualTo(1);
        assertThat(two.of(TwoCollections.Way.ONE_JOIN).rowsRead()).as("cars x salespeople")
                .isEqualTo(loading.scale().cars() * loading.scale().salespeoplePerDealership());
        assertThat(two.of(TwoCollections.Way.ONE_QUERY_PER_COLLECTION).statements()).isEqualTo(2);
        assertThat(two.of(TwoCollections.Way.JSON_BUILT_BY_THE_SERVER).statements()).isEqualTo(1);
        assertThat(two.of(TwoCollections.Way.JSON_BUILT_BY_THE_SERVER).rowsRead()).isEqualTo(dealerships);

        DeepPagesSweep.Result deep = result.of(DeepPagesSweep.class);
        assertThat(deep.points()).extracting(DeepPagesSweep.Point::page).containsExactly(1L, 3L, 10L, 30L, 100L);
        assertThat(deep.points()).allSatisfy(point -> {
            assertThat(point.offsetRowsRead()).isEqualTo(point.page() * DeepPagesSweep.PAGE_SIZE);
            assertThat(point.keysetRowsRead()).isEqualTo(DeepPagesSweep.PAGE_SIZE);
        });

        MappingCost.Result mapping = result.of(MappingCost.class);
        assertThat(mapping.rows()).hasSize(MappingWay.values().length)
                .allSatisfy(row -> assertThat(row.allocatedBytes()).isPositive());

        PageOfDealerships.Result page = result.of(PageOfDealerships.class);
        assertThat(page.parentsFirst().dealerships()).isEqualTo(PageOfDealerships.PAGE_SIZE);
        assertThat(page.limitingTheJoin().dealerships()).as("LIMIT cuts joined rows").isLessThan(PageOfDealerships.PAGE_SIZE);

        LargeResults.Result large = result.of(LargeResults.class);
        assertThat(large.sizes()).as("1,000 cars (a view of the table) and 3,000 (the table)")
                .containsExactly(1000L, 3000L);
        for (long cars : large.sizes()) {
            for (LargeResults.Way way : LargeResults.Way.values()) {
                assertThat(large.of(way, cars).exportedAll()).as("%s on %d cars", way, cars).isTrue();
            }
        }
    }
}
