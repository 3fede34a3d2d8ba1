package dbworkbook.common.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures a demo measured, as JSON under the module's {@code target/} folder, for a report to read later.
 * The folder comes from {@code -Dworkbook.output.dir} (set by the demo profile), else {@code target}.
 */
public final class DemoReport {

    private final Map<String, Object> content = new LinkedHashMap<>();

    public DemoReport(String chapter) {
        content.put("chapter", chapter);
        content.put("measuredAt", Instant.now().toString());
        content.put("java", System.getProperty("java.version"));
        content.put("cores", Runtime.getRuntime().availableProcessors());
    }

    public DemoReport put(String key, Object value) {
        content.put(key, value);
        return this;
    }

    /** Writes {@code <output dir>/<fileName>} and returns its path. */
    public Path write(String fileName) {
        Path directory = Path.of(System.getProperty("workbook.output.dir", "target"));
        Path file = directory.resolve(fileName);
        try {
            Files.createDirectories(directory);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file.toAbsolutePath(), e);
        }
        return file;
    }
}
