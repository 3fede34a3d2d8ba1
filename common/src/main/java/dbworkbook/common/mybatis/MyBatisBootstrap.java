package dbworkbook.common.mybatis;

import java.io.IOException;
import java.io.InputStream;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
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

    /**
     * @param configResource classpath resource of a {@code mybatis-config.xml} without {@code <environments>}
     * @param extraMapperResources mapper XML files to add, e.g. the exercise or the solution bound to one interface
     */
    public static SqlSessionFactory sqlSessionFactory(DataSource dataSource, String configResource,
                                                      String... extraMapperResources) {
        // MyBatis picks a logging library by probing the classpath, SLF4J first. The workbook says it explicitly
        // before any mapper is parsed: each mapped statement takes its logger when it is built.
        LogFactory.useLog4J2Logging();
        Configuration configuration = parseConfiguration(configResource);
        configuration.setEnvironment(new Environment("workbook", new JdbcTransactionFactory(), dataSource));
        for (String mapperResource : extraMapperResources) {
            try (InputStream in = Resources.getResourceAsStream(mapperResource)) {
                new XMLMapperBuilder(in, configuration, mapperResource, configuration.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new IllegalArgumentException("No mapper XML on the classpath at " + mapperResource, e);
            }
        }
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    private static Configuration parseConfiguration(String configResource) {
        try (InputStream in = Resources.getResourceAsStream(configResource)) {
            return new XMLConfigBuilder(in, null, null).parse();
        } catch (IOException e) {
            throw new IllegalArgumentException("No MyBatis configuration on the classpath at " + configResource, e);
        }
    }
}
