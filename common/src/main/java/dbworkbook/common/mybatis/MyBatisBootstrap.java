package dbworkbook.common.mybatis;

import java.io.IOException;
import java.io.InputStream;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.logging.LogFactory;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * Builds a MyBatis {@link SqlSessionFactory} from a chapter's {@code mybatis-config.xml} and a {@link DataSource}.
 *
 * <p>The chapter's XML holds what the lesson is about (settings, mappers). What it does not hold is the connection:
 * that comes from the workbook's fixture, so the same mappers run on the embedded server or on yours.
 */
public final class MyBatisBootstrap {

    private MyBatisBootstrap() {
    }

    /** @param configResource classpath resource of a {@code mybatis-config.xml} without {@code <environments>} */
    public static SqlSessionFactory sqlSessionFactory(DataSource dataSource, String configResource) {
        return new SqlSessionFactoryBuilder().build(configuration(dataSource, configResource));
    }

    /**
     * The parsed configuration, connected to {@code dataSource}, before a factory is built from it: for adding
     * mappers or plugins first.
     */
    public static Configuration configuration(DataSource dataSource, String configResource) {
        // MyBatis picks a logging library by probing the classpath, SLF4J first. The workbook says it explicitly
        // before any mapper is parsed: each mapped statement takes its logger when it is built.
        LogFactory.useLog4J2Logging();
        Configuration configuration;
        try (InputStream in = Resources.getResourceAsStream(configResource)) {
            configuration = new XMLConfigBuilder(in, null, null).parse();
        } catch (IOException e) {
            throw new IllegalArgumentException("No MyBatis configuration on the classpath at " + configResource, e);
        }
        configuration.setEnvironment(new Environment("workbook", new JdbcTransactionFactory(), dataSource));
        return configuration;
    }
}
