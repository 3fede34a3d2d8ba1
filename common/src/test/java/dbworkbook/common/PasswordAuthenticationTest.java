package dbworkbook.common;

import static dbworkbook.common.WorkbookServerTest.assertThatStartFails;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wrong and missing passwords, refused by a real PostgreSQL. The workbook's embedded server trusts every local
 * login, so this class starts a second one whose pg_hba.conf asks every user but postgres for a password.
 */
class PasswordAuthenticationTest {

    private static final String ROLE = "workbook_password_user";

    private static Path hbaFile;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startAServerThatAsksForPasswords() throws IOException, SQLException {
        hbaFile = Files.createTempFile("workbook-pg_hba", ".conf");
        Files.writeString(hbaFile, """
                local all postgres            trust
                host  all postgres 127.0.0.1/32 trust
                host  all postgres ::1/128      trust
                host  all all      127.0.0.1/32 scram-sha-256
                host  all all      ::1/128      scram-sha-256
                """);
        server = EmbeddedPostgres.builder().setServerConfig("hba_file", hbaFile.toString()).start();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + ROLE + " LOGIN CREATEDB PASSWORD 'the-right-password'");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        Files.deleteIfExists(hbaFile);
    }

    @Test
    void aWrongPasswordIsRefusedNamingTheSettingsAndNotThePassword() {
        assertThatStartFails(url(), ROLE, "a-wrong-password")
                .hasMessageContaining("WORKBOOK_JDBC_URL")
                .hasMessageContaining(url())
                .hasMessageContaining("password authentication failed")
                .hasMessageContaining("WORKBOOK_JDBC_USER")
                .hasMessageContaining("WORKBOOK_JDBC_PASSWORD");
    }

    @Test
    void aMissingPasswordIsAskedFor() {
        assertThatStartFails(url(), ROLE, "")
                .hasMessageContaining("The server asks for a password for user '" + ROLE + "', and none was given")
                .hasMessageContaining("WORKBOOK_JDBC_PASSWORD");
    }

    @Test
    void theRightPasswordIsAccepted() {
        try (Workbook workbook = Workbook.start(
                new WorkbookSettings(Optional.of(url()), ROLE, "the-right-password"))) {
            workbook.createDatabase("password-accepted").close();
        }
    }

    private static String url() {
        return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
    }
}
