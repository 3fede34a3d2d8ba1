package dbworkbook.common.exercise;

import dbworkbook.common.mybatis.MyBatisBootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;

/**
 * MyBatis with a chapter's configuration plus the mapper XML files of an answer, read the way MyBatis reads any
 * mapper. A file MyBatis cannot read or complete makes the answer {@link BrokenAnswer broken}, with MyBatis' reason.
 */
public final class AnswerMyBatis {

    private AnswerMyBatis() {
    }

    /** The chapter's MyBatis configuration {@code configResource}, with {@code mapperFiles} of the answer added. */
    public static SqlSessionFactory sqlSessionFactory(DataSource dataSource, String configResource,
                                                      Path... mapperFiles) {
        Configuration configuration = MyBatisBootstrap.configuration(dataSource, configResource);
        for (Path file : mapperFiles) {
            try (InputStream in = Files.newInputStream(file)) {
                new XMLMapperBuilder(in, configuration, file.getFileName().toString(),
                        configuration.getSqlFragments()).parse();
                // Statements that refer to what is not there (a result map, a fragment) are only resolved later,
                // at the first use: resolve them now, so that such a file shows as broken, not as a failed check.
                configuration.getMappedStatementNames();
            } catch (IOException e) {
                throw new BrokenAnswer("Could not read " + file + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new BrokenAnswer("MyBatis cannot use " + file.getFileName() + ": " + reason(e), e);
            }
        }
        return new SqlSessionFactoryBuilder().build(configuration);
    }

    /** The innermost message, which names the element or the XML error (with its line). */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
