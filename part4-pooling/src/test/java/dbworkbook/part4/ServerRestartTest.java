package dbworkbook.part4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dbworkbook.common.WorkbookSettings;
import dbworkbook.common.logging.LogCapture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * Lesson 7, a restart: the server goes away for a while and comes back. The workbook's shared server is never
 * restarted (every test class uses it); this test starts a PostgreSQL of its own, stops it and starts it again on the
 * same data and port.
 */
@SuppressWarnings("try") // LogCapture quiet: keeps HikariCP's expected warnings off the console
class ServerRestartTest {

    @Test
    void whileTheServerIsDownBorrowersTimeOutAndAfterwardsThePoolRecoversByItself() throws Exception {
        assumeTrue(WorkbookSettings.fromEnvironment().useEmbeddedServer(), "With your own server configured "
                + "(WORKBOOK_JDBC_URL), the workbook starts no embedded PostgreSQL, so there is none to restart.");
        Path data = Files.createTempDirectory("workbook-restart");
        EmbeddedPostgres server = start(data, 0);
        int port = server.getPort();
        try (LogCapture quiet = LogCapture.of(Level.ERROR, "com.zaxxer.hikari");
             HikariDataSource pool = pool(port)) {
            int before;
            try (Connection connection = pool.getConnection()) {
                before = PoolBackends.pidOf(connection);
            }

            server.close(); // a fast shutdown: it ends every session, then stops accepting connections
            // Wait past HikariCP's 500 ms window, so that the idle connection is checked before it is lent (lesson 7).
            Thread.sleep(1_000);
            SQLTransientConnectionException whileDown =
                    catchThrowableOfType(SQLTransientConnectionException.class, pool::getConnection);
            assertThat(whileDown.getMessage()).contains("Connection is not available, request timed out after");
            // The timeout carries the SQLSTATE of the last failed attempt to connect: 08001, "could not connect".
            assertThat(whileDown.getSQLState()).isEqualTo("08001");

            server = start(data, port);
            Await.until("a borrow that works again", () -> borrowWorks(pool));
            try (Connection connection = pool.getConnection()) {
                assertThat(PoolBackends.pidOf(connection)).as("a process of the new server").isNotEqualTo(before);
            }
        } finally {
            server.close();
            deleteRecursively(data);
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false); // keep the data for the restart; deleted by the test at the end
        return (port == 0 ? builder : builder.setPort(port)).start();
    }

    private static HikariDataSource pool(int port) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("restarted");
        config.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/postgres");
        config.setUsername("postgres");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1_000); // fail fast while the server is down
        return new HikariDataSource(config);
    }

    private static boolean borrowWorks(HikariDataSource pool) {
        try (Connection connection = pool.getConnection()) {
            PoolBackends.pidOf(connection);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
