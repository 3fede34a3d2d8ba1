package dbworkbook.common.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The property names Spring Boot knows, read from the configuration metadata of Spring Boot's and mybatis-spring-boot's
 * jars, and a check of the names a chapter's README gives in its settings tables, in their "Spring Boot" column.
 *
 * <p>The build unpacks the metadata files of those jars (and their manifests, which name them) into
 * {@code target/spring-boot-metadata}, one folder per jar (see the parent pom). The jars themselves are on no class
 * path: spring-boot's jar registers Log4j plugins that need the rest of Spring, and nothing of Spring may reach a
 * lesson.
 *
 * <p>In that column a cell names its properties in backticks ({@code `spring.datasource.hikari.maximum-pool-size`},
 * a value may follow after {@code =}), or says "none, ..." when a setting has no property of its own (a server
 * setting, a mapping attribute). A property whose type is a map ({@code logging.level},
 * {@code spring.datasource.hikari.data-source-properties}) takes any key: its prefix is what is checked.
 */
public final class SpringBootProperties {

    /** Where Spring Boot's annotation processor, and a module's own additions, put a jar's property names. */
    static final List<String> METADATA = List.of("META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json");
    static final String COLUMN = "Spring Boot";

    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

    private final Set<String> names;
    private final Set<String> maps;
    private final List<String> sources;

    private SpringBootProperties(Set<String> names, Set<String> maps, List<String> sources) {
        this.names = names;
        this.maps = maps;
        this.sources = sources;
    }

    /** A property named in a README: the name, and the line and row it is in. */
    public record Named(String property, int line, String row) {
    }

    /** What a README's check found: the names checked, and what is wrong, one line per problem. */
    public record Report(List<Named> checked, List<String> problems) {
    }

    /**
     * The metadata the build unpacked for this module ({@code workbook.spring-boot.metadata}, set by Surefire; from an
     * IDE, {@code target/spring-boot-metadata} of the working directory). Fails if there is none.
     */
    public static SpringBootProperties unpacked() {
        return from(Path.of(System.getProperty("workbook.spring-boot.metadata", "target/spring-boot-metadata")));
    }

    /** The metadata in {@code folder}: a folder per jar, each with its manifest and metadata files. */
    public static SpringBootProperties from(Path folder) {
        Set<String> names = new TreeSet<>();
        Set<String> maps = new TreeSet<>();
        List<String> sources = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        List<Path> jars;
        try (Stream<Path> listing = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
            jars = listing.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + folder, e);
        }
        try {
            for (Path jar : jars) {
                sources.add(nameOf(jar));
                for (String resource : METADATA) {
                    Path file = jar.resolve(resource);
                    if (!Files.exists(file)) {
                        continue;
                    }
                    for (JsonNode property : json.readTree(file.toFile()).path("properties")) {
                        String name = property.path("name").asText();
                        names.add(name);
                        String type = property.path("type").asText("");
                        if (type.startsWith("java.util.Map<") || type.equals("java.util.Properties")) {
                            maps.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read Spring Boot's configuration metadata in " + folder, e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("No Spring Boot configuration metadata in " + folder.toAbsolutePath()
                    + ": the build unpacks it there (maven-dependency-plugin, execution spring-boot-metadata). Run "
                    + "the test with Maven once, or declare that plugin in the module's pom.");
        }
        return new SpringBootProperties(names, maps, List.copyOf(sources));
    }

    /** A jar's title and version, as its manifest gives them: "Spring Boot JDBC 4.0.9". */
    private static String nameOf(Path jar) throws IOException {
        Path manifest = jar.resolve("META-INF/MANIFEST.MF");
        if (!Files.exists(manifest)) {
            return jar.getFileName().toString();
        }
        try (InputStream in = Files.newInputStream(manifest)) {
            Attributes main = new Manifest(in).getMainAttributes();
            return main.getValue("Implementation-Title") + " " + main.getValue("Implementation-Version");
        }
    }

    /**
     * The README of the chapter whose tests run: Surefire names the chapter's folder; from an IDE, the working
     * directory is taken to be it.
     */
    public static Path readmeOfThisChapter() {
        return Path.of(System.getProperty("workbook.module.dir", "")).resolve("README.md");
    }

    /** The jars read, by title and version: "Spring Boot 4.0.9", "mybatis-spring-boot-autoconfigure 4.0.1". */
    public List<String> sources() {
        return sources;
    }

    /** Whether Spring Boot knows the property: by its name, or as a key of a map-valued one. */
    public boolean defines(String property) {
        return names.contains(property) || maps.stream().anyMatch(map -> property.startsWith(map + "."));
    }

    /** The known name that shares the longest beginning with {@code property}: what a typo most likely meant. */
    public String nearest(String property) {
        return names.stream().max(Comparator.comparingInt((String name) -> commonPrefix(name, property))
                .thenComparing(Comparator.comparingInt(String::length).reversed())).orElse("");
    }

    /**
     * Checks every cell of the "Spring Boot" column of every table in {@code markdown}: each name in backticks must
     * be a property Spring Boot knows, and a cell without one must say "none".
     */
    public Report check(Path markdown) {
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + markdown, e);
        }
        List<Named> checked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean inTable = false;
        int column = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            List<String> cells = cells(line);
            if (!inTable) { // a table's first row is its header
                inTable = true;
                column = cells.indexOf(COLUMN);
                continue;
            }
            if (column < 0 || line.startsWith("|-") || column >= cells.size()) {
                continue;
            }
            String cell = cells.get(column);
            String where = markdown.getFileName() + ":" + (i + 1) + " (row '" + cells.get(0) + "')";
            Matcher quoted = QUOTED.matcher(cell);
            boolean any = false;
            while (quoted.find()) {
                any = true;
                String property = quoted.group(1).split("=", 2)[0].strip();
                checked.add(new Named(property, i + 1, cells.get(0)));
                if (!defines(property)) {
                    problems.add(where + ": `" + property + "` is not a Spring Boot property (the nearest known: `"
                            + nearest(property) + "`)");
                }
            }
            if (!any && !cell.toLowerCase(Locale.ROOT).startsWith("none")) {
                problems.add(where + ": names no property in backticks and does not say \"none, ...\": '" + cell + "'");
            }
        }
        return new Report(checked, problems);
    }

    /** A table row's cells, trimmed; a pipe inside backticks belongs to the cell. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 1; i < row.length(); i++) { // the first character is the opening pipe
            char c = row.charAt(i);
            if (c == '`') {
                quoted = !quoted;
            }
            if (c == '|' && !quoted) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!cell.toString().isBlank()) {
            cells.add(cell.toString().strip());
        }
        return cells;
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }
}
