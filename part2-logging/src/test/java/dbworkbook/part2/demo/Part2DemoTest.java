package dbworkbook.part2.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.Workbook;
import dbworkbook.common.demo.Demo;
import dbworkbook.common.demo.DemoSmoke;
import dbworkbook.common.junit.WorkbookExtension;
import dbworkbook.part2.FlightRecorderProfile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The demo at a tiny scale: every measurement returns its rows, with the counts the lessons predict. No times. */
@ExtendWith(WorkbookExtension.class)
class Part2DemoTest {

    private static final String TINY = "--scale-percent 1 --runs 1 --warmups 0 --warmup-ms 0";

    @Test
    void everyMeasurementReturnsTheCountsOfItsLesson(Workbook workbook, @TempDir Path root) {
        Demo.Result result = DemoSmoke.run(workbook, Part2Demo.CHAPTER, Part2Demo.measurements(), root, TINY).result();
        int dealerships = 20;
        int lookups = 5;
        int searches = 1;

        assertThat(result.of(LogExcerpt.class).lines()).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("[demo-1]"));

        PluginAndServer.Result seen = result.of(PluginAndServer.class);
        assertThat(seen.rows()).extracting(PluginAndServer.Row::shortId, PluginAndServer.Row::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("DealershipMapper.findAllWithCars", 1L),
                        org.assertj.core.groups.Tuple.tuple("DealershipMapper.findCarsByDealershipId", (long) dealerships),
                        org.assertj.core.groups.Tuple.tuple("CarSearchMapper.findById", (long) lookups),
                        org.assertj.core.groups.Tuple.tuple("CarSearchMapper.findByMakeAndPriceRange", (long) searches));
        if (seen.serverUnavailable() == null) {
            assertThat(seen.allAgree()).as("plugin and pg_stat_statements agree on every count").isTrue();
        }

        StatementTimeDistribution.Result spread = result.of(StatementTimeDistribution.class);
        int statements = 1 + dealerships + lookups + searches;
        assertThat(spread.pluginExecutions()).isEqualTo(statements);
        if (spread.serverUnavailable() == null) {
            assertThat(spread.serverExecutions()).as("one server time per execution").isEqualTo(statements);
        }

        ExplainBeforeAndAfter.Result explain = result.of(ExplainBeforeAndAfter.class);
        assertThat(explain.withoutIndex().scanNodes()).anyMatch(node -> node.startsWith("Seq Scan"));
        assertThat(explain.withIndex().cars()).isEqualTo(explain.withoutIndex().cars());

        StatementSpans.Result traces = result.of(StatementSpans.class);
        assertThat(traces.dealerships()).isEqualTo(dealerships);
        assertThat(traces.of(DealershipLoads.NESTED_SELECT).statementSpans()).isEqualTo(1 + dealerships);
        assertThat(traces.of(DealershipLoads.NESTED_SELECT).flagged()).isTrue();
        assertThat(traces.of(DealershipLoads.NESTED_SELECT).tree()).anyMatch(line -> line.contains("more like this"));
        assertThat(traces.of(DealershipLoads.JOIN).statementSpans()).isEqualTo(1);
        assertThat(traces.of(DealershipLoads.JOIN).flagged()).isFalse();
        assertThat(traces.of(DealershipLoads.BATCHES).statementSpans()).isEqualTo(1 + 1); // 20 dealerships, one batch
        assertThat(traces.of(DealershipLoads.BATCHES).flagged()).isFalse();
        assertThat(traces.loads()).allSatisfy(load -> assertThat(load.connectionSpans()).isEqualTo(1));
        int spans = traces.loads().stream().mapToInt(load -> 1 + load.connectionSpans() + load.statementSpans()).sum();
        assertThat(traces.spansWritten()).isEqualTo(spans);
        assertThat(Path.of(traces.otlpFile())).as("the OTLP JSON, in the run's own folder")
                .startsWith(root).isRegularFile();

        LoadProfiles.Result profiles = result.of(LoadProfiles.class);
        FlightRecorderProfile.Profile nPlusOne = profiles.of(DealershipLoads.NESTED_SELECT).profile();
        FlightRecorderProfile.Profile join = profiles.of(DealershipLoads.JOIN).profile();
        assertThat(nPlusOne.statements()).isEqualTo(1 + dealerships);
        assertThat(nPlusOne.socketReads()).isGreaterThanOrEqualTo(1 + dealerships);
        assertThat(join.statements()).isEqualTo(1);
        assertThat(join.socketReads()).isLessThan(nPlusOne.socketReads());
        assertThat(nPlusOne.otherThreadsSocketReads()).as("the relay's reads, left out").isPositive();
    }
}
