package dbworkbook.common.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The README's settings tables give each setting's Spring Boot property, for the many who configure MyBatis,
 * HikariCP and the driver in {@code application.properties}: every name there is one Spring Boot knows (the
 * configuration metadata of Spring Boot and mybatis-spring-boot), and a setting without a property says "none".
 * Each chapter runs this for its own README with a test class that extends it.
 */
public abstract class SpringBootColumnsOfTheReadme {

    @Test
    void everySpringBootPropertyInTheReadmeExists() {
        SpringBootProperties.Report report = SpringBootProperties.unpacked()
                .check(SpringBootProperties.readmeOfThisChapter());

        assertThat(report.problems()).isEmpty();
        assertThat(report.checked()).as("the properties named in the README's Spring Boot columns").isNotEmpty();
    }
}
