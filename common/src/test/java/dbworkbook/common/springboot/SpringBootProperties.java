package dbworkbook.common.springboot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property names Spring Boot knows, read from the configuration metadata of the jars on the test class path (a
 * chapter's pom puts Spring Boot's and mybatis-spring-boot's there, test scope only: nothing of Spring reaches a
 * lesson), and a check of the names a chapter's README gives in its settings tables, in their "Spring Boot" column.
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

    /** Every metadata file on the class path; fails if there is none (the chapter's pom lacks the jars). */
    public static SpringBootProperties onTheClassPath() {
        Set<String> names = new TreeSet<>();
        Set<String> maps = new TreeSet<>();
        List<String> sources = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (String resource : METADATA) {
                for (URL url : Collections.list(SpringBootProperties.class.getClassLoader().getResources(resource))) {
                    sources.add(url.toString());
                    try (InputStream in = url.openStream()) {
                        for (JsonNode property : json.readTree(in).path("properties")) {
                            String name = property.path("name").asText();
                            names.add(name);
                            String type = property.path("type").asText("");
                            if (type.startsWith("java.util.Map<") || type.equals("java.util.Properties")) {
                                maps.add(name);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read Spring Boot's configuration metadata", e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("No Spring Boot configuration metadata (" + METADATA.get(0) + ") on the "
                    + "test class path: the chapter's pom needs spring-boot, spring-boot-jdbc and "
                    + "mybatis-spring-boot-autoconfigure as test dependencies.");
        }
        return new SpringBootProperties(names, maps, List.copyOf(sources));
    }

    /**
     * The README of the chapter whose tests run: Surefire names the chapter's folder; from an IDE, the working
     * directory is taken to be it.
     */
    public static Path readmeOfThisChapter() {
        return Path.of(System.getProperty("workbook.module.dir", "")).resolve("README.md");
    }

    /** The metadata files read, as URLs: one per jar and kind of file. */
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
