package dbworkbook.common.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dbworkbook.common.Workbook;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.WorkbookSetupException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a chapter's demo: starts the workbook and a database of the chapter's own, loads its data, prints the header
 * (server, machine, options), then runs each measurement with a progress line, prints what it found, and writes the
 * chapter's JSON and the report (every chapter's JSON found, as one HTML page).
 *
 * <p>A chapter's {@code main} is one call: {@code Demo.main(CHAPTER, args, List.of(new LoadingStrategies(), ...))}.
 */
public final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int WIDTH = 118;

    private Demo() {
    }

    /** A chapter: its module, number and title, its own options with their defaults, and how its data is loaded. */
    public record Chapter(String module, int number, String title, Map<String, Integer> options, DataSetUp data) {
    }

    /** Fills the chapter's database before the measurements run. */
    @FunctionalInterface
    public interface DataSetUp {
        /** Loads the data; returns a line for the header, e.g. "1,000 dealerships x 20 cars, loaded in 410 ms". */
        String load(WorkbookDatabase database, DemoOptions options) throws Exception;
    }

    /** What a run measured: each measurement's record, by the measurement's class, and the JSON document. */
    public record Result(Map<Class<?>, Object> records, ChapterRun run) {

        /** The record {@code measurement} returned in this run. */
        public <R> R of(Class<? extends Measurement<R>> measurement) {
            @SuppressWarnings("unchecked")
            R record = (R) records.get(measurement);
            if (record == null) {
                throw new IllegalArgumentException(measurement.getSimpleName() + " did not run");
            }
            return record;
        }
    }

    /** The chapter's demo, from its {@code main}: options from the arguments, output to the console and files. */
    public static void main(Chapter chapter, String[] args, List<Measurement<?>> measurements) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, chapter.options());
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            System.exit(2);
            return;
        }
        try (Workbook workbook = Workbook.start()) {
            Result result = run(workbook, chapter, options, measurements, System.out, outputDirectory());
            Path json = write(result.run(), outputDirectory().resolve(chapter.module() + "-demo.json"));
            Path report = ReportPage.write(rootDirectory(), List.of());
            System.out.println();
            System.out.println("JSON:    " + json.toAbsolutePath().normalize());
            System.out.println("Report:  " + report.toAbsolutePath().normalize() + "  (open it in a browser; it "
                    + "holds every chapter measured so far)");
        } catch (WorkbookSetupException e) {
            System.out.println();
            System.out.println("*** The demo has no database to work with ***");
            System.out.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Runs the measurements in order, on a new database of {@code workbook}; prints to {@code out}. A measurement's
     * own files ({@link DemoContext#outputFile}) go to {@code outputDirectory}.
     */
    public static Result run(Workbook workbook, Chapter chapter, DemoOptions options, List<Measurement<?>> measurements,
                             PrintStream out, Path outputDirectory) {
        String label = "[chapter " + chapter.number() + " - ";
        try (DemoContext context = new DemoContext(workbook, workbook.createDatabase(chapter.module() + "-demo"),
                options, out, outputDirectory)) {
            WorkbookDatabase database = context.database();
            out.println();
            out.println("Chapter " + chapter.number() + ": " + chapter.title());
            ChapterRun.Machine machine = machine(workbook);
            out.println("Server:  " + machine.server());
            out.println("Machine: " + machine.cores() + " cores, Java " + machine.java() + ", " + machine.os()
                    + ", heap up to " + machine.maxHeapMiB() + " MiB");
            out.println("Options: " + options.values().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(" ")) + "   (-Ddemo.args=\"...\" changes them)");
            out.println("Times:   medians of " + options.runs() + " measured runs after a warm-up (at least "
                    + options.warmups() + " runs and " + options.minWarmup().toMillis() + " ms), the ways one table "
                    + "compares interleaved;");
            out.println("         counts (statements, rows) from one more run with the statement recorder.");
            context.startStep(label + "data] loading");
            out.println("Data:    " + chapter.data().load(database, options));
            Map<Class<?>, Object> records = new LinkedHashMap<>();
            List<ChapterRun.SectionRun> sections = new ArrayList<>();
            for (int i = 0; i < measurements.size(); i++) {
                Measurement<?> measurement = measurements.get(i);
                context.startStep(label + (i + 1) + "/" + measurements.size() + "] " + measurement.title());
                sections.add(measureAndShow(measurement, context, out, records));
            }
            ChapterRun run = new ChapterRun(chapter.module(), chapter.number(), chapter.title(),
                    "../" + chapter.module() + "/README.md", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    machine, options.values(), sections);
            return new Result(records, run);
        } catch (Exception e) {
            throw new IllegalStateException("The demo of chapter " + chapter.number() + " failed: " + e.getMessage(), e);
        }
    }

    private static <R> ChapterRun.SectionRun measureAndShow(Measurement<R> measurement, DemoContext context,
            PrintStream out, Map<Class<?>, Object> records) throws Exception {
        long start = System.nanoTime();
        R record = measurement.measure(context);
        records.put(measurement.getClass(), record);
        Section section = measurement.present(record, context);
        double seconds = (System.nanoTime() - start) / 1e9;
        print(section, out);
        out.println("  (measured in " + Figures.decimals(seconds, 1) + " s)");
        return new ChapterRun.SectionRun(measurement.getClass().getSimpleName(), section.title(), section.tables(),
                section.charts(), section.readings(), section.lines(), seconds, record);
    }

    private static void print(Section section, PrintStream out) {
        out.println();
        out.println(section.title());
        for (Table table : section.tables()) {
            if (!table.title().isEmpty() && !table.title().equals(section.title())) {
                out.println(table.title());
            }
            out.print(table.render());
        }
        section.lines().forEach(line -> out.println("  " + line));
        for (String reading : section.readings()) {
            wrap(reading).forEach(line -> out.println("  " + line));
        }
        if (!section.charts().isEmpty()) {
            out.println("  (in the report: " + section.charts().stream().map(Chart::title)
                    .collect(Collectors.joining("; ")) + ")");
        }
    }

    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > WIDTH) {
            int cut = rest.lastIndexOf(' ', WIDTH);
            if (cut <= 0) {
                break;
            }
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut + 1);
        }
        lines.add(rest);
        return lines;
    }

    private static ChapterRun.Machine machine(Workbook workbook) {
        return new ChapterRun.Machine(workbook.server().description(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024));
    }

    /** Writes {@code run} as JSON to {@code file}. */
    public static Path write(ChapterRun run, Path file) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), run);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** The module's target folder: the demo profile says it ({@code -Dworkbook.output.dir}). */
    static Path outputDirectory() {
        return Path.of(System.getProperty("workbook.output.dir", "target"));
    }

    /** The repository's root: the demo profile says it ({@code -Dworkbook.root.dir}), else the module's parent. */
    static Path rootDirectory() {
        String configured = System.getProperty("workbook.root.dir", "");
        return configured.isBlank() ? outputDirectory().toAbsolutePath().getParent().getParent() : Path.of(configured);
    }
}
