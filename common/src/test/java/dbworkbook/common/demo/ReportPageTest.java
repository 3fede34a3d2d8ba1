package dbworkbook.common.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page, read back with a real HTML parser: chapters, JMH results with their intervals, other runs. */
class ReportPageTest {

    private static final String JMH_RESULT = """
            [ { "benchmark" : "dbworkbook.part9.ThingBenchmark.fast", "mode" : "avgt", "params" : { "size" : "10" },
                "primaryMetric" : { "score" : 30.5, "scoreError" : 1.5, "scoreUnit" : "ns/op" } },
              { "benchmark" : "dbworkbook.part9.ThingBenchmark.slow", "mode" : "avgt", "params" : { "size" : "10" },
                "primaryMetric" : { "score" : 4800.0, "scoreError" : 200.0, "scoreUnit" : "ns/op" } } ]
            """;

    @Test
    void showsEveryChartItsReadingAndJmhIntervalsAndAsksTheNetworkForNothing(@TempDir Path root) throws IOException {
        ChapterRun run = chapterRun("a run");
        Demo.write(run, root.resolve("part9-things/target/part9-things-demo.json"));
        Files.writeString(root.resolve("part9-things/target/jmh-result.json"), JMH_RESULT);

        Document page = Jsoup.parse(Files.readString(ReportPage.write(root, List.of())));

        DemoSmoke.assertShowsEveryChart(page, run);
        DemoSmoke.assertAsksTheNetworkForNothing(page);
        Element jmh = page.getElementById("chart-part9-things-jmh-0");
        assertThat(jmh).as("the JMH results' chart").isNotNull();
        Element figure = jmh.closest("figure");
        assertThat(figure.select("details tbody tr")).hasSize(2);
        assertThat(figure.select("details tbody").text()).as("the 99.9% intervals").contains("30.50 (29 to 32)")
                .contains("4800 (4600 to 5000)");
        assertThat(figure.selectFirst("figcaption").text()).contains("do not overlap");
        assertThat(page.text()).contains("Measured 2026-12-01T10:00:00Z on a test server");
    }

    @Test
    void namesTheResultsOfABenchmarkOfOneMethodByTheirParameters(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("part9-things/target"));
        Files.writeString(root.resolve("part9-things/target/jmh-result.json"), """
                [ { "benchmark" : "dbworkbook.part9.ThingBenchmark.load", "params" : { "size" : "10" },
                    "primaryMetric" : { "score" : 30.5, "scoreError" : 1.5, "scoreUnit" : "ms/op" } },
                  { "benchmark" : "dbworkbook.part9.ThingBenchmark.load", "params" : { "size" : "20" },
                    "primaryMetric" : { "score" : 48.0, "scoreError" : 2.0, "scoreUnit" : "ms/op" } } ]
                """);

        Document page = Jsoup.parse(Files.readString(ReportPage.write(root, List.of())));

        Element figure = page.getElementById("chart-part9-things-jmh-0").closest("figure");
        assertThat(figure.select("details tbody tr td:first-child").eachText()).containsExactly("size=10", "size=20");
    }

    @Test
    void drawsAnotherRunBesideThisOne(@TempDir Path root) throws IOException {
        Demo.write(chapterRun("this"), root.resolve("part9-things/target/part9-things-demo.json"));
        Demo.write(chapterRun("laptop"), root.resolve("runs/laptop/part9-things-demo.json"));

        String html = Files.readString(ReportPage.write(root, List.of(root.resolve("runs/laptop"))));

        Document page = Jsoup.parse(html);
        assertThat(page.select("p.where.other").text()).contains("laptop:");
        assertThat(page.select("script").html()).contains("\"label\":\"laptop\"");
    }

    private static ChapterRun chapterRun(String server) {
        Chart chart = Chart.titled("Time against things").x("things", "", true).y("time", "ms", true)
                .series("one way", List.of(Chart.Point.of(10, 1.5), Chart.Point.of(100, 12.0)))
                .dashedSeries("another way", List.of(Chart.Point.of(10, 2.5), Chart.Point.of(100, 3.0)))
                .marker(30, "a rule")
                .reading("One way grew 8 times from 10 to 100 things, the other did not.");
        Table table = Table.of("", List.of(Map.entry("10", "1.5"))).column("things", Map.Entry::getKey)
                .column("ms", Map.Entry::getValue).build();
        ChapterRun.SectionRun section = new ChapterRun.SectionRun("ThingSweep", "Time against things",
                List.of(table), List.of(chart), List.of("A reading."), List.of(), 0.1, Map.of("points", 2));
        return new ChapterRun("part9-things", 9, "Things", "../part9-things/README.md", "2026-12-01T10:00:00Z",
                new ChapterRun.Machine("a test server (" + server + ")", "17", 2, "Linux", 1024),
                Map.of("--runs", 1), List.of(section));
    }
}
