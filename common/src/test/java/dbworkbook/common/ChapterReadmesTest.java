package dbworkbook.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every chapter's README has the same sections in the same order, so that a reader who knows one chapter finds
 * their way in the next: where the seed's code went, the settings, the code, the lessons one by one, which test
 * asserts what, what the numbers show, and the exercises last.
 */
class ChapterReadmesTest {

    private static final Pattern SECTION = Pattern.compile("^## (.+)$", Pattern.MULTILINE);
    private static final Pattern LESSON = Pattern.compile("Lesson (\\d+): .+");

    static Stream<Named<Path>> chapterReadmes() throws IOException {
        Path root = Path.of(System.getProperty("workbook.root.dir", ".."));
        try (Stream<Path> modules = Files.list(root)) {
            return modules.filter(module -> module.getFileName().toString().matches("part\\d+-.+"))
                    .sorted().map(module -> Named.of(module.getFileName() + "/README.md", module.resolve("README.md")))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chapterReadmes")
    void hasTheSectionsEveryChapterHasInTheirOrder(Path readme) throws IOException {
        List<String> sections = new ArrayList<>();
        Matcher heading = SECTION.matcher(Files.readString(readme));
        int lessons = 0;
        while (heading.find()) {
            Matcher lesson = LESSON.matcher(heading.group(1));
            if (lesson.matches()) {
                lessons++;
                assertThat(Integer.parseInt(lesson.group(1))).as("%s: lessons numbered in order", readme)
                        .isEqualTo(lessons);
                if (lessons == 1) {
                    sections.add("Lesson 1..n");
                }
            } else {
                sections.add(heading.group(1).startsWith("From SQLAlchemy to ") ? "From SQLAlchemy to ..."
                        : heading.group(1));
            }
        }
        assertThat(sections).as("the ## sections of %s", readme).containsExactly("From SQLAlchemy to ...",
                "The settings, and their Spring Boot names", "The code", "Lesson 1..n", "The lessons and their tests",
                "What the numbers show", "Exercises");
    }
}
