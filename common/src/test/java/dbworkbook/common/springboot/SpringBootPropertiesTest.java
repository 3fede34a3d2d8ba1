package dbworkbook.common.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check behind every chapter's SpringBootPropertiesTest: what it finds in the metadata, and in a README. */
class SpringBootPropertiesTest {

    static final SpringBootProperties BOOT = SpringBootProperties.unpacked();

    @Test
    void knowsThePropertiesOfSpringBootItsJdbcModuleAndMyBatis() {
        assertThat(BOOT.sources()).as("the jars whose metadata the build unpacked").containsExactlyInAnyOrder(
                "Spring Boot 4.0.9", "Spring Boot AutoConfigure 4.0.9", "Spring Boot JDBC 4.0.9",
                "mybatis-spring-boot-autoconfigure 4.0.1");
        assertThat(BOOT.defines("spring.datasource.hikari.maximum-pool-size")).isTrue();
        assertThat(BOOT.defines("mybatis.configuration.default-statement-timeout")).isTrue();
        assertThat(BOOT.defines("mybatis.executor-type")).isTrue();
        assertThat(BOOT.defines("mybatis.inject-sql-session-on-mapper-scan")).as("in an additional-... file").isTrue();
        assertThat(BOOT.defines("logging.level.dbworkbook.part2.mapper")).as("a key of a map").isTrue();
        assertThat(BOOT.defines("spring.datasource.hikari.data-source-properties.prepareThreshold")).isTrue();
        assertThat(BOOT.defines("spring.datasource.hikari.maximumPoolSize")).as("HikariCP's own spelling").isFalse();
        assertThat(BOOT.defines("spring.datasource.hikari")).as("a group, not a property").isFalse();
    }

    @Test
    void aReadmeIsCheckedInTheSpringBootColumnOfItsTables(@TempDir Path folder) throws IOException {
        Path readme = Files.writeString(folder.resolve("README.md"), """
                # A chapter

                | Setting | Default |
                |---|---|
                | `not.a.property` | 1 |

                | Setting | Spring Boot | Lesson |
                |---|---|---|
                | the pool's size | `spring.datasource.hikari.maximum-pool-size` | 2 |
                | a driver property | `spring.datasource.hikari.data-source-properties.options=-c a=b\\|c` | 3 |
                | a mapper's logger | `logging.level.dbworkbook.part2.mapper=DEBUG`, at TRACE for rows | 1 |
                | a server setting | none, a server setting | 5 |
                | a typo | `spring.datasource.hikari.maximumPoolSize` | 2 |
                | forgotten | | 2 |
                """);

        SpringBootProperties.Report report = BOOT.check(readme);

        assertThat(report.checked()).extracting(SpringBootProperties.Named::property).containsExactly(
                "spring.datasource.hikari.maximum-pool-size", "spring.datasource.hikari.data-source-properties.options",
                "logging.level.dbworkbook.part2.mapper", "spring.datasource.hikari.maximumPoolSize");
        assertThat(report.problems()).containsExactly(
                "README.md:13 (row 'a typo'): `spring.datasource.hikari.maximumPoolSize` is not a Spring Boot property "
                        + "(the nearest known: `spring.datasource.hikari.maximum-pool-size`)",
                "README.md:14 (row 'forgotten'): names no property in backticks and does not say \"none, ...\": ''");
    }
}
