package dbworkbook.common.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The report: one HTML page with every chapter's charts and tables, built from the chapters' JSON files that are
 * there (each chapter's demo writes its own, and rebuilds this page), and from JMH's result files where a benchmark
 * run wrote one. The page needs nothing else: Chart.js (the charting library, from its WebJar) is inlined, there is
 * no font, image or script to fetch, and it opens from the file system with no network.
 *
 * <p>Other runs can stand beside this one: folders holding another run's {@code *-demo.json} files (a laptop and a
 * classroom server, before and after a change), given as {@code -Dworkbook.report.compare=runs/laptop,runs/before}.
 * Their series are drawn in each chart beside this run's, and their tables and machines are listed.
 *
 * <p>{@code main} rebuilds the page without running a demo: {@code ./mvnw -q -Preport -pl common -am package}.
 */
public final class ReportPage {

    static final String FILE_NAME = "workbook-report.html";
    private static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportPage() {
    }

    /** One run of the demos: a label, and its chapters' JSON (and JMH results), in chapter order. */
    record Run(String label, List<JsonNode> chapters, List<JsonNode> benchmarks) {
    }

    public static void main(String[] args) {
        Path page = write(Demo.rootDirectory(), List.of());
        System.out.println("Report:  " + page.toAbsolutePath().normalize());
    }

    /**
     * Writes {@code <root>/target/workbook-report.html} from the JSON of the chapters under {@code root}, with the
     * runs in the folders {@code compare} (and those of {@code -Dworkbook.report.compare}) beside it.
     */
    public static Path write(Path root, List<Path> compare) {
        List<Run> others = new ArrayList<>();
        List<Path> folders = new ArrayList<>(compare);
        String configured = System.getProperty("workbook.report.compare", "");
        Arrays.stream(configured.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .forEach(folder -> folders.add(root.resolve(folder)));
        for (Path folder : folders) {
            others.add(read(folder.getFileName().toString(), jsonFilesIn(folder)));
        }
        List<Path> current = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                current.addAll(jsonFilesIn(module.resolve("target")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Run run = read("this run", current);
        Path page = root.resolve("target").resolve(FILE_NAME);
        try {
            Files.createDirectories(page.getParent());
            Files.writeString(page, html(run, others), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report " + page, e);
        }
        return page;
    }

    private static List<Path> jsonFilesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-demo.json")
                    || f.getFileName().toString().equals("jmh-result.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Run read(String label, List<Path> files) {
        List<JsonNode> chapters = new ArrayList<>();
        List<JsonNode> benchmarks = new ArrayList<>();
        for (Path file : files) {
            try {
                JsonNode node = JSON.readTree(file.toFile());
                if (file.getFileName().toString().equals("jmh-result.json")) {
                    ObjectNode wrapped = JSON.createObjectNode();
                    wrapped.put("module", file.getParent().getParent().getFileName().toString());
                    wrapped.put("writtenAt", Files.getLastModifiedTime(file).toInstant()
                            .truncatedTo(ChronoUnit.SECONDS).toString());
                    wrapped.set("results", node);
                    benchmarks.add(wrapped);
                } else if (node.has("sections")) {
                    chapters.add(node);
                }
            } catch (IOException e) {
                // A file cut short (a demo stopped while writing it): the page says nothing of it.
            }
        }
        chapters.sort((a, b) -> Integer.compare(a.path("number").asInt(), b.path("number").asInt()));
        return new Run(label, chapters, benchmarks);
    }

    private static String html(Run run, List<Run> others) {
        StringBuilder page = new StringBuilder(300_000);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>The Java database-performance workbook: what this machine measured</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n")
                .append("<script>\n").append(chartJs()).append("\n</script>\n</head>\n<body>\n");
        page.append("<header><h1>The Java database-performance workbook</h1>\n<p>What the demos measured, built ")
                .append(escape(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()))
                .append(". Every number on this page was measured by the run it names, on the machine it names.</p>\n");
        if (run.chapters().isEmpty()) {
            page.append("<p>No chapter has been measured yet: run <code>./mvnw -Pdemo package</code>.</p>\n");
        }
        page.append("<nav><ul>");
        for (JsonNode chapter : run.chapters()) {
            page.append("<li><a href=\"#").append(escape(chapter.path("chapter").asText())).append("\">Chapter ")
                    .append(chapter.path("number").asInt()).append(": ").append(escape(chapter.path("title").asText()))
                    .append("</a></li>");
        }
        page.append("</ul></nav>\n");
        if (!others.isEmpty()) {
            page.append("<p>Beside this run: ");
            for (int i = 0; i < others.size(); i++) {
                page.append(i == 0 ? "" : ", ").append("<b>").append(escape(others.get(i).label())).append("</b> (")
                        .append(others.get(i).chapters().size()).append(" chapters)");
            }
            page.append(". In the charts its series are the lighter ones, named after it.</p>\n");
        }
        page.append("</header>\n<main>\n");
        ArrayNode charts = JSON.createArrayNode();
        for (JsonNode chapter : run.chapters()) {
            chapter(page, chapter, others, run.benchmarks(), charts);
        }
        // A chapter's benchmarks run before its demo ever did: their own section, named after the module.
        for (JsonNode benchmarks : run.benchmarks()) {
            String module = benchmarks.path("module").asText();
            if (run.chapters().stream().noneMatch(c -> c.path("chapter").asText().equals(module))) {
                page.append("<section class=\"chapter\" id=\"").append(escape(module)).append("\">\n<h2>")
                        .append(escape(module)).append("</h2>\n<p class=\"where\">Its demo has not run yet: "
                        + "<code>./mvnw -Pdemo -pl ").append(escape(module)).append(" -am package</code>.</p>\n");
                benchmarks(page, benchmarks, module, charts);
                page.append("</section>\n");
            }
        }
        page.append("</main>\n<script>\nconst CHARTS = ")
                .append(charts.toString().replace("</", "<\\/")).append(";\n").append(RENDER).append("</script>\n")
                .append("</body>\n</html>\n");
        return page.toString();
    }

    private static void chapter(StringBuilder page, JsonNode chapter, List<Run> others, List<JsonNode> benchmarks,
                                ArrayNode charts) {
        String module = chapter.path("chapter").asText();
        page.append("<section class=\"chapter\" id=\"").append(escape(module)).append("\">\n<h2>Chapter ")
                .append(chapter.path("number").asInt()).append(": ").append(escape(chapter.path("title").asText()))
                .append("</h2>\n<p class=\"where\">").append(where(chapter, "Measured"))
                .append(" <a href=\"").append(escape(chapter.path("readme").asText()))
                .append("\">The chapter's README</a> explains every lesson.</p>\n");
        for (Run other : others) {
            other.chapters().stream().filter(c -> c.path("chapter").asText().equals(module)).findFirst()
                    .ifPresent(c -> page.append("<p class=\"where other\"><b>").append(escape(other.label()))
                            .append(":</b> ").append(where(c, "measured")).append("</p>\n"));
        }
        int sectionIndex = 0;
        for (JsonNode section : chapter.path("sections")) {
            page.append("<article>\n<h3>").append(escape(section.path("title").asText())).append("</h3>\n");
            int chartIndex = 0;
            for (JsonNode chart : section.path("charts")) {
                String id = "chart-" + module + "-" + sectionIndex + "-" + chartIndex;
                ObjectNode entry = JSON.createObjectNode();
                entry.put("id", id);
                entry.set("chart", chart);
                ArrayNode compared = JSON.createArrayNode();
                for (Run other : others) {
                    JsonNode same = sameChart(other, module, sectionIndex, chartIndex);
                    if (same != null) {
                        ObjectNode c = JSON.createObjectNode();
                        c.put("label", other.label());
                        c.set("series", same.path("series"));
                        compared.add(c);
                    }
                }
                entry.set("compared", compared);
                charts.add(entry);
                figure(page, id, chart);
                chartIndex++;
            }
            for (JsonNode table : section.path("tables")) {
                table(page, table);
            }
            if (section.path("lines").size() > 0) {
                page.append("<pre>");
                for (JsonNode line : section.path("lines")) {
                    page.append(escape(line.asText())).append('\n');
                }
                page.append("</pre>\n");
            }
            for (JsonNode reading : section.path("readings")) {
                page.append("<p class=\"reading\">").append(escape(reading.asText())).append("</p>\n");
            }
            page.append("</article>\n");
            sectionIndex++;
        }
        benchmarks.stream().filter(b -> b.path("module").asText().equals(module))
                .forEach(b -> benchmarks(page, b, module, charts));
        page.append("</section>\n");
    }

    private static JsonNode sameChart(Run other, String module, int section, int chart) {
        for (JsonNode chapter : other.chapters()) {
            if (chapter.path("chapter").asText().equals(module)) {
                JsonNode found = chapter.path("sections").path(section).path("charts").path(chart);
                return found.isMissingNode() ? null : found;
            }
        }
        return null;
    }

    private static String where(JsonNode chapter, String verb) {
        JsonNode machine = chapter.path("machine");
        StringBuilder options = new StringBuilder();
        Iterator<String> names = chapter.path("options").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            options.append(options.length() == 0 ? "" : " ").append(name).append(' ')
                    .append(chapter.path("options").path(name).asText());
        }
        return escape(verb + " " + chapter.path("measuredAt").asText() + " on " + machine.path("server").asText()
                + "; " + machine.path("cores").asInt() + " cores, Java " + machine.path("java").asText() + ", "
                + machine.path("os").asText() + ". Options: " + options + ".");
    }

    /** A chart: its canvas, its reading, and its data as a table (the chart's text alternative). */
    private static void figure(StringBuilder page, String id, JsonNode chart) {
        String title = chart.path("title").asText();
        page.append("<figure>\n<div class=\"canvas\"><canvas id=\"").append(id).append("\" role=\"img\" aria-label=\"")
                .append(escape(title + ". " + chart.path("reading").asText())).append("\"></canvas></div>\n")
                .append("<figcaption><b>").append(escape(title)).append(".</b> ")
                .append(escape(chart.path("reading").asText())).append("</figcaption>\n")
                .append("<details><summary>The data of this chart</summary>\n<table><thead><tr><th>")
                .append(escape(axisTitle(chart.path("x")))).append("</th>");
        JsonNode series = chart.path("series");
        for (JsonNode s : series) {
            page.append("<th>").append(escape(s.path("name").asText())).append("</th>");
        }
        page.append("</tr></thead><tbody>\n");
        List<Double> xs = new ArrayList<>();
        for (JsonNode s : series) {
            for (JsonNode p : s.path("points")) {
                double x = p.path("x").asDouble();
                if (!xs.contains(x)) {
                    xs.add(x);
                }
            }
        }
        xs.sort(Double::compare);
        JsonNode categories = chart.path("categories");
        for (double x : xs) {
            String xLabel = categories.size() > 0 ? categories.path((int) x).asText() : number(x);
            page.append("<tr><td>").append(escape(xLabel)).append("</td>");
            for (JsonNode s : series) {
                String cell = "";
                for (JsonNode p : s.path("points")) {
                    if (p.path("x").asDouble() == x) {
                        cell = number(p.path("y").asDouble()) + (p.hasNonNull("low")
                                ? " (" + number(p.path("low").asDouble()) + " to " + number(p.path("high").asDouble())
                                        + ")" : "");
                    }
                }
                page.append("<td>").append(cell).append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</tbody></table>\n</details>\n</figure>\n");
    }

    private static void table(StringBuilder page, JsonNode table) {
        page.append("<table class=\"data\">");
        if (!table.path("title").asText().isEmpty()) {
            page.append("<caption>").append(escape(table.path("title").asText())).append("</caption>");
        }
        page.append("<thead><tr>");
        for (JsonNode header : table.path("headers")) {
            page.append("<th>").append(escape(header.asText())).append("</th>");
        }
        page.append("</tr></thead><tbody>\n");
        for (JsonNode row : table.path("rows")) {
            page.append("<tr>");
            boolean first = true;
            for (JsonNode cell : row) {
                String text = cell.asText();
                // Numbers right-aligned, so that they line up; the first column names the row, whatever it holds.
                page.append(!first && TextTable.isNumber(text) ? "<td class=\"n\">" : "<td>")
                        .append(escape(text)).append("</td>");
                first = false;
            }
            page.append("</tr>\n");
        }
        page.append("</tbody></table>\n");
    }

    /**
     * JMH's results: one chart per benchmark class, each method (and parameter combination) a bar from
     * score - error to score + error (JMH's 99.9% confidence interval) with the score as a point.
     */
    private static void benchmarks(StringBuilder page, JsonNode benchmarks, String module, ArrayNode charts) {
        page.append("<article>\n<h3>JMH benchmarks</h3>\n<p class=\"where\">Written by a JMH run at ")
                .append(escape(benchmarks.path("writtenAt").asText()))
                .append(" (<code>./mvnw -Pbenchmarks -pl ").append(escape(module)).append(" -am package</code>). ")
                .append("The bars are the 99.9% confidence intervals JMH reports: two results differ only where their ")
                .append("bars do not overlap.</p>\n");
        // One chart per benchmark class: each of its methods (and parameter values) is a bar.
        List<String> classes = new ArrayList<>();
        for (JsonNode result : benchmarks.path("results")) {
            String name = result.path("benchmark").asText();
            String benchmarkClass = name.substring(0, Math.max(0, name.lastIndexOf('.')));
            if (!classes.contains(benchmarkClass)) {
                classes.add(benchmarkClass);
            }
        }
        int index = 0;
        for (String benchmarkClass : classes) {
            List<JsonNode> results = new ArrayList<>();
            benchmarks.path("results").forEach(result -> {
                if (result.path("benchmark").asText().startsWith(benchmarkClass + ".")) {
                    results.add(result);
                }
            });
            String shortName = benchmarkClass.substring(benchmarkClass.lastIndexOf('.') + 1);
            figure(page, benchmarkChart(module, index++, shortName, benchmarkClass, results,
                    result -> result.path("primaryMetric"), 1, null), charts);
            // JMH's GC profiler (-prof gc) adds the bytes allocated per operation as a secondary metric.
            if (results.stream().allMatch(r -> r.path("secondaryMetrics").has("gc.alloc.rate.norm"))) {
                figure(page, benchmarkChart(module, index++, shortName + ": bytes allocated per operation",
                        benchmarkClass, results, r -> r.path("secondaryMetrics").path("gc.alloc.rate.norm"), 1e6,
                        "MB/op"), charts);
            }
        }
        page.append("</article>\n");
    }

    /**
     * One chart of a benchmark class: each method (and parameter combination) its score as a point, with the 99.9%
     * interval as a bar. {@code metric} picks the figure from a result; {@code divisor} and {@code unit} rescale it
     * (bytes to megabytes), a null {@code unit} keeps JMH's.
     */
    private static ObjectNode benchmarkChart(String module, int index, String title, String benchmarkClass,
                                             List<JsonNode> results, Function<JsonNode, JsonNode> metric,
                                             double divisor, String unit) {
        List<String> categories = new ArrayList<>();
        ArrayNode points = JSON.createArrayNode();
        String shownUnit = unit;
        // A class with one benchmark method and parameters: the parameters alone tell its results apart.
        boolean oneMethod = results.stream().map(result -> result.path("benchmark").asText()).distinct().count() == 1
                && !parameters(results.get(0)).isEmpty();
        for (JsonNode result : results) {
            JsonNode figure = metric.apply(result);
            shownUnit = unit != null ? unit : figure.path("scoreUnit").asText();
            double score = figure.path("score").asDouble() / divisor;
            double error = figure.path("scoreError").isNumber() ? figure.path("scoreError").asDouble() / divisor : 0;
            ObjectNode point = JSON.createObjectNode();
            point.put("x", categories.size());
            point.put("y", score);
            point.put("low", Math.max(0, score - error));
            point.put("high", score + error);
            points.add(point);
            String parameters = parameters(result);
            String name = result.path("benchmark").asText();
            String method = name.substring(benchmarkClass.length() + 1);
            categories.add(oneMethod ? parameters : method + (parameters.isEmpty() ? "" : " (" + parameters + ")"));
        }
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (JsonNode point : points) {
            lowest = Math.min(lowest, point.path("y").asDouble());
            highest = Math.max(highest, point.path("y").asDouble());
        }
        ObjectNode chart = JSON.createObjectNode();
        chart.put("title", title);
        chart.set("x", axis(oneMethod ? results.get(0).path("benchmark").asText().substring(benchmarkClass.length() + 1)
                + ", by its parameters" : "benchmark", "", false));
        // Scores far apart (30 ns beside 5,000 ns) share a chart only on a logarithmic axis.
        chart.set("y", axis("score", shownUnit, lowest > 0 && highest / lowest > 20));
        ObjectNode series = JSON.createObjectNode();
        series.put("name", "score (" + shownUnit + ")");
        series.set("points", points);
        series.put("dashed", false);
        chart.set("series", JSON.createArrayNode().add(series));
        chart.set("markers", JSON.createArrayNode());
        chart.set("categories", JSON.valueToTree(categories));
        chart.put("bars", false);
        chart.put("reading", benchmarkReading(categories, points, shownUnit));
        ObjectNode entry = JSON.createObjectNode();
        entry.put("id", "chart-" + module + "-jmh-" + index);
        entry.set("chart", chart);
        entry.set("compared", JSON.createArrayNode());
        return entry;
    }

    private static void figure(StringBuilder page, ObjectNode entry, ArrayNode charts) {
        charts.add(entry);
        figure(page, entry.path("id").asText(), entry.path("chart"));
    }

    private static String parameters(JsonNode result) {
        List<String> values = new ArrayList<>();
        result.path("params").properties().forEach(e -> values.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(", ", values);
    }

    private static String benchmarkReading(List<String> categories, ArrayNode points, String unit) {
        if (points.size() < 2) {
            return points.isEmpty() ? "" : "Score " + number(points.get(0).path("y").asDouble()) + " " + unit + ".";
        }
        int low = 0;
        int high = 0;
        for (int i = 1; i < points.size(); i++) {
            low = points.get(i).path("y").asDouble() < points.get(low).path("y").asDouble() ? i : low;
            high = points.get(i).path("y").asDouble() > points.get(high).path("y").asDouble() ? i : high;
        }
        boolean apart = points.get(low).path("high").asDouble() < points.get(high).path("low").asDouble();
        return "Lowest " + categories.get(low) + " (" + number(points.get(low).path("y").asDouble()) + " " + unit
                + "), highest " + categories.get(high) + " (" + number(points.get(high).path("y").asDouble()) + " "
                + unit + "): " + (apart ? "their intervals do not overlap, a real difference."
                : "their intervals overlap, so this run cannot tell them apart.");
    }

    private static ObjectNode axis(String label, String unit, boolean logarithmic) {
        ObjectNode axis = JSON.createObjectNode();
        axis.put("label", label);
        axis.put("unit", unit);
        axis.put("logarithmic", logarithmic);
        return axis;
    }

    private static String axisTitle(JsonNode axis) {
        String unit = axis.path("unit").asText();
        return axis.path("label").asText() + (unit.isEmpty() ? "" : " (" + unit + ")");
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : Math.abs(value) >= 1 ? "%.2f" : "%.4f",
                value);
    }

    private static String chartJs() {
        try (InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(CHART_JS)) {
            if (in == null) {
                throw new IllegalStateException("Chart.js is not on the class path (" + CHART_JS + ")");
            }
            // The library's own source map comment points at a file that is not here: the page references nothing.
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("//# sourceMappingURL=\\S*", "").replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String CSS = """
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b;
                   margin: 0 auto; max-width: 1100px; padding: 0 24px 48px; }
            h1 { font-size: 28px; margin: 28px 0 4px; }
            h2 { font-size: 23px; margin: 40px 0 4px; padding-top: 12px; border-top: 2px solid #ccc; }
            h3 { font-size: 18px; margin: 28px 0 6px; }
            nav ul { padding-left: 20px; margin: 4px 0; }
            .where { color: #555; font-size: 13px; margin: 2px 0; }
            .where.other { color: #8a5a00; }
            figure { margin: 12px 0 18px; }
            .canvas { position: relative; height: 340px; }
            figcaption { font-size: 14px; margin-top: 6px; }
            details { font-size: 13px; margin-top: 4px; }
            table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
            caption { text-align: left; font-weight: 600; padding: 2px 0; }
            th, td { border-bottom: 1px solid #ddd; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            p.reading { margin: 6px 0; max-width: 900px; }
            code { font-size: 13px; }
            pre { font-size: 12px; background: #f4f4f4; padding: 8px; overflow-x: auto; white-space: pre-wrap; }
            """;

    /**
     * Draws every chart with Chart.js: no animation (a page printed or captured shows every chart whole), colours a
     * colour-blind reader can tell apart (Okabe and Ito's palette) and a point style of its own for each series, so
     * that no series is told from another by colour alone.
     */
    private static final String RENDER = """
            const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
            const POINTS = ['circle', 'triangle', 'rect', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'];
            Chart.defaults.animation = false;
            Chart.defaults.font.size = 13;
            function axisTitle(a) { return a.unit ? a.label + ' (' + a.unit + ')' : a.label; }
            const NUMBER = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
            // A logarithmic axis gets a few labelled ticks, not Chart.js' nine per decade that overlap: the data's
            // own values on x (pool sizes 1, 2, 4, ...; 10, 30, 100 dealerships), 1-2-5 steps on y.
            function axis(a, categories, values) {
              const scale = { title: { display: true, text: axisTitle(a) } };
              if (categories.length) { scale.type = 'category'; scale.labels = categories; return scale; }
              scale.type = a.logarithmic ? 'logarithmic' : 'linear';
              scale.ticks = { callback: v => NUMBER.format(v) };
              if (a.logarithmic) {
                scale.afterBuildTicks = axis => {
                  let ticks = values;
                  if (ticks.length > 12 || ticks.length < 2) {
                    ticks = [];
                    for (let e = Math.floor(Math.log10(axis.min)); e <= Math.ceil(Math.log10(axis.max)); e++) {
                      [1, 2, 5].forEach(m => ticks.push(m * Math.pow(10, e)));
                    }
                  }
                  axis.ticks = ticks.filter(v => v >= axis.min * 0.999 && v <= axis.max * 1.001).map(v => ({ value: v }));
                };
              }
              return scale;
            }
            function datasets(series, index0, lighter, suffix, categories, bars) {
              const sets = [];
              // The same colour and point style for the same thing: a dashed series (the same measured another way,
              // e.g. through the relay) takes them in the same order as the solid ones, with hollow points.
              let solid = 0;
              let dashed = 0;
              series.forEach(s => {
                const i = s.dashed ? dashed++ : solid++;
                const colour = PALETTE[(index0 + i) % PALETTE.length];
                const data = s.points.map(p => ({ x: categories.length ? categories[p.x] : p.x, y: p.y }));
                if (bars) {
                  sets.push({ type: 'bar', label: s.name + suffix, data: data, borderColor: colour, borderWidth: 1,
                              backgroundColor: lighter ? colour + '55' : colour + 'cc', order: 1 });
                  return;
                }
                sets.push({ type: 'line', label: s.name + suffix, data: data,
                            borderColor: lighter ? colour + '88' : colour,
                            // A dashed series has hollow points: its legend entry is told from the solid one's.
                            backgroundColor: s.dashed ? '#ffffff' : lighter ? colour + '88' : colour,
                            pointStyle: POINTS[(index0 + i) % POINTS.length], pointRadius: 4,
                            borderWidth: lighter ? 1.5 : 2, borderDash: s.dashed ? [6, 4] : [],
                            showLine: !s.points.some(p => p.low !== null && p.low !== undefined), order: 1 });
                if (s.points.some(p => p.low !== null && p.low !== undefined)) {
                  sets.push({ type: 'bar', label: s.name + suffix + ' (interval)', order: 2,
                              data: s.points.map(p => ({ x: categories.length ? categories[p.x] : p.x, y: [p.low, p.high] })),
                              backgroundColor: colour + '44', borderColor: colour, borderWidth: 1 });
                }
              });
              return sets;
            }
            function xValues(c) {
              return [...new Set(c.series.flatMap(s => s.points.map(p => p.x)))].sort((a, b) => a - b);
            }
            for (const entry of CHARTS) {
              const c = entry.chart;
              const categories = c.categories || [];
              let sets = datasets(c.series, 0, false, '', categories, c.bars);
              entry.compared.forEach((other, k) => {
                sets = sets.concat(datasets(other.series, 0, true, ' — ' + other.label, categories, c.bars));
              });
              const ys = sets.flatMap(s => s.data.map(d => Array.isArray(d.y) ? d.y : [d.y]).flat()).filter(v => v > 0);
              (c.markers || []).forEach((m, i) => {
                sets.push({ type: 'line', label: m.label, data: [{ x: m.x, y: Math.min(...ys) }, { x: m.x, y: Math.max(...ys) }],
                            borderColor: '#777777', borderDash: [2, 3], borderWidth: 2, pointRadius: 0, order: 0 });
              });
              new Chart(document.getElementById(entry.id), {
                data: { datasets: sets },
                options: { responsive: true, maintainAspectRatio: false, parsing: true,
                           scales: { x: axis(c.x, categories, xValues(c)), y: axis(c.y, [], []) },
                           plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } },
                                      title: { display: false } } }
              });
            }
            """;
}
