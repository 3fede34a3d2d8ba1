package dbworkbook.common.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.Workbook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A chapter's demo at a tiny scale, for its smoke test: it runs every measurement, writes the chapter's JSON and
 * the report into a folder of the test's, and checks what any demo must give: progress lines, a section per
 * measurement, and a report page (read with a real HTML parser) that shows the chapter's every chart with its
 * reading and asks the network for nothing. The chapter's test then checks the counts in the records.
 */
public final class DemoSmoke {

    private DemoSmoke() {
    }

    /** What the smoke run gave: the records, the console output, and the report read back. */
    public record Run(Demo.Result result, String console, Document report) {
    }

    public static Run run(Workbook workbook, Demo.Chapter chapter, List<Measurement<?>> measurements, Path root,
                          String args) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Demo.Result result;
        Path target = root.resolve(chapter.module()).resolve("target");
        try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            result = Demo.run(workbook, chapter, DemoOptions.parse(new String[] {args}, chapter.options()),
                    measurements, out, target);
        }
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(result.records()).as("a record from every measurement").hasSize(measurements.size());
        for (int i = 1; i <= measurements.size(); i++) {
            assertThat(text).as("progress line").contains("[chapter " + chapter.number() + " - " + i + "/"
                    + measurements.size() + "] " + measurements.get(i - 1).title());
        }
        Demo.write(result.run(), target.resolve(chapter.module() + "-demo.json"));
        Path page = ReportPage.write(root, List.of());
        Document report;
        try {
            report = Jsoup.parse(Files.readString(page));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertShowsEveryChart(report, result.run());
        assertAsksTheNetworkForNothing(report);
        return new Run(result, text, report);
    }

    static void assertShowsEveryChart(Document report, ChapterRun run) {
        Element chapter = report.getElementById(run.chapter());
        assertThat(chapter).as("the chapter's section in the report").isNotNull();
        long charts = run.sections().stream().mapToLong(section -> section.charts().size()).sum();
        assertThat(charts).as("charts in the chapter's demo").isPositive();
        assertThat(chapter.select("figure canvas:not([id*=-jmh-])")).as("a canvas per chart of the demo")
                .hasSize((int) charts);
        for (Element figure : chapter.select("figure")) {
            assertThat(figure.selectFirst("canvas").attr("aria-label")).as("a chart's text alternative").isNotBlank();
            assertThat(figure.selectFirst("figcaption").text()).as("a chart's reading").hasSizeGreaterThan(20);
            assertThat(figure.select("details table tbody tr")).as("a chart's data as a table").isNotEmpty();
        }
        assertThat(report.select("script").html()).as("the charts' data and the library, inlined")
                .contains("const CHARTS").contains("Chart.js");
        assertThat(chapter.select("a[href]").eachAttr("href")).as("a link to the chapter's README")
                .contains("../" + run.chapter() + "/README.md");
    }

    static void assertAsksTheNetworkForNothing(Document report) {
        for (Element element : report.select("[src], [href], [srcset], [action], [poster], link, iframe, object")) {
            for (String attribute : List.of("src", "href", "srcset", "action", "poster", "data")) {
                String value = element.attr(attribute);
                assertThat(value).as(element.tagName() + " " + attribute)
                        .doesNotContainPattern("^\\s*(https?:|//|ftp:|ws:|wss:)");
            }
        }
        assertThat(report.select("link[rel=stylesheet], script[src], img, iframe")).as("nothing loaded from outside")
                .isEmpty();
        assertThat(report.select("style").html()).as("no @import, no url() in the style")
                .doesNotContain("@import").doesNotContain("url(");
    }
}
