package dbworkbook.part2.exercises;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.part2.StatementTimingInterceptor;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.logging.log4j.LogManager;

/**
 * What exercise 2.1's contract runs under a Log4j 2 configuration file, in a JVM of its own started with
 * {@code -Dlog4j2.configurationFile=<the file>}, exactly as an application would be: every statement of
 * CarSearchMapper, the N+1 of DealershipMapper, a statement of one more mapper of the package, and libraries that
 * speak at every level (HikariCP at INFO and, for a setting it corrects, at WARN; MyBatis at DEBUG). The contract
 * reads what came out on the console.
 *
 * <p>Arguments: the JDBC URL of the database, the user; the password, if any, in WORKBOOK_JDBC_PASSWORD.
 */
public final class LoggingWorkload {

    static final String CAR_SEARCH = "dbworkbook.part2.mapper.CarSearchMapper";

    /** A statement run, with its parameters. */
    record Call(String statementId, Map<String, Object> parameters) {
    }

    /** Every statement of CarSearchMapper, in order: the contract checks the lines each one prints. */
    static final List<Call> CAR_SEARCHES = List.of(
            new Call(CAR_SEARCH + ".findById", Map.of("id", 1L)),
            new Call(CAR_SEARCH + ".findById", Map.of("id", 999_999L)),
            new Call(CAR_SEARCH + ".findByMakeAndPriceRange", Map.of("make", "Kia", "minPrice", BigDecimal.ZERO,
                    "maxPrice", new BigDecimal("100000"))),
            new Call(CAR_SEARCH + ".findByMakePasted", Map.of("make", "Ford")));

    /** Other mappers' statements, which must print nothing. */
    static final List<Call> OTHERS = List.of(
            new Call("dbworkbook.part2.mapper.DealershipMapper.findAllWithCars", Map.of()),
            new Call("dbworkbook.part2.mapper.StaffMapper.countStaff", Map.of("dealershipId", 1L)));

    static final String STAFF_MAPPER = "dbworkbook/part2/exercises/StaffMapper.xml";

    private LoggingWorkload() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword(System.getenv("WORKBOOK_JDBC_PASSWORD"));
        config.setMaximumPoolSize(2);
        config.setPoolName("logging-workload");
        config.setLeakDetectionThreshold(1000); // below HikariCP's minimum: it says so at WARN, and turns it off
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (SqlSession session = new SqlSessionFactoryBuilder().build(configuration(pool)).openSession()) {
                for (Call call : CAR_SEARCHES) {
                    session.selectList(call.statementId(), call.parameters());
                }
                for (Call call : OTHERS) {
                    session.selectList(call.statementId(), call.parameters());
                }
            }
        }
        LogManager.getLogger(LoggingWorkload.class).info("The workload is done (INFO: not for the console)");
    }

    /** The chapter's MyBatis configuration with the one more mapper. */
    static Configuration configuration(DataSource dataSource) throws IOException {
        Configuration configuration = MyBatisBootstrap.configuration(dataSource, "dbworkbook/part2/mybatis-config.xml");
        withoutSlowStatementWarnings(configuration);
        try (InputStream in = Resources.getResourceAsStream(STAFF_MAPPER)) {
            new XMLMapperBuilder(in, configuration, STAFF_MAPPER, configuration.getSqlFragments()).parse();
        }
        return configuration;
    }

    /**
     * The chapter's timing plugin with no slow-statement threshold in reach: an exercise's workload is judged by what
     * it logs, and on a busy machine a statement can pass 200 ms, a WARN that no answer asked for.
     */
    static void withoutSlowStatementWarnings(Configuration configuration) {
        Properties noThreshold = new Properties();
        noThreshold.setProperty(StatementTimingInterceptor.SLOW_THRESHOLD_PROPERTY, "3600000");
        configuration.getInterceptors().stream().filter(StatementTimingInterceptor.class::isInstance)
                .forEach(timing -> timing.setProperties(noThreshold));
    }
}
