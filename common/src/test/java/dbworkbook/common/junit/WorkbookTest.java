package dbworkbook.common.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class its own PostgreSQL database: the migrated schema, filled with the data of this scale, dropped
 * when the class is done. Test methods (and constructors, {@code @BeforeAll} methods) can then ask for:
 * <ul>
 *   <li>{@link javax.sql.DataSource}: a pool on that database, recorded by the</li>
 *   <li>{@link dbworkbook.common.recorder.StatementRecorder}, which is reset before each test;</li>
 *   <li>{@link org.apache.ibatis.session.SqlSessionFactory}: built from {@link #mybatisConfig()};</li>
 *   <li>{@link dbworkbook.common.WorkbookDatabase} and {@link dbworkbook.common.domain.Scale}.</li>
 * </ul>
 * The server (embedded, or yours: see the README) is started once per JVM, so running one test from an IDE works too.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(WorkbookExtension.class)
public @interface WorkbookTest {

    int dealerships() default 10;

    int carsPerDealership() default 5;

    int salespeoplePerDealership() default 3;

    /** Classpath resource of the chapter's mybatis-config.xml; empty if the test needs no SqlSessionFactory. */
    String mybatisConfig() default "";

    /** The size of the class's connection pool. */
    int poolSize() default 4;
}
