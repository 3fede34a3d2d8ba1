package dbworkbook.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dbworkbook.common.junit.WorkbookTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every wrong setting ends in a {@link WorkbookSetupException} within seconds, whose message names the setting and
 * the value to fix, and never the password. The running server (embedded, or yours) provides the cases that need
 * a real PostgreSQL; a refused port provides the rest (and PasswordAuthenticationTest the wrong passwords). (A port that accepts and never
 * answers is left out: it fails too, but only after the 10 s login timeout.)
 */
@WorkbookTest(dealerships = 1, carsPerDealership = 1, salespeoplePerDealership = 1)
class WorkbookServerTest {

    private static final String SECRET = "secret123";
    private static final String URL = "WORKBOOK_JDBC_URL";
    private static final String USER = "WORKBOOK_JDBC_USER";
    private static final String PASSWORD = "WORKBOOK_JDBC_PASSWORD";

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:mysql://localhost/x",
            "postgres://localhost/x",
            "jdbc:postgresql://",
            "jdbc:postgresql:postgres",
            "jdbc:postgresql://localhost:notaport/x",
            "jdbc:postgresql://localhost:99999/x",
            "localhost:5432/postgres"})
    void aMalformedUrlIsRefusedBeforeAnyConnection(String url) {
        assertThatStartFails(url, "u", "")
                .hasMessageContaining(URL)
                .hasMessageContaining("'" + url + "'")
                .hasMessageContaining("jdbc:postgresql://HOST:PORT/DATABASE");
    }

    @Test
    void aLibpqUriIsTranslatedWithoutItsPassword() {
        assertThatStartFails("postgresql://me:" + SECRET + "@db.example.com:6543/shop?sslmode=require", "u", "")
                .hasMessageContaining(URL)
                .hasMessageContaining("postgresql://me:***@db.example.com:6543/shop")
                .hasMessageContaining("libpq")
                .hasMessageContaining("jdbc:postgresql://db.example.com:6543/shop?sslmode=require")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void userInfoInAJdbcUrlIsRefusedWithoutItsPassword() {
        assertThatStartFails("jdbc:postgresql://me:" + SECRET + "@localhost:5432/postgres", "u", "")
                .hasMessageContaining(URL)
                .hasMessageContaining("'jdbc:postgresql://me:***@localhost:5432/postgres'")
                .hasMessageContaining("no place for user:password@")
                .hasMessageContaining(USER)
                .hasMessageContaining(PASSWORD);
    }

    @Test
    void aRefusedConnectionSaysNothingListens() throws IOException {
        String url = "jdbc:postgresql://localhost:" + freePort() + "/postgres";
        assertThatStartFails(url, "u", "")
                .hasMessageContaining(URL)
                .hasMessageContaining(url)
                .hasMessageContaining("Nothing listens on that host and port");
    }

    @Test
    void aDatabaseThatDoesNotExistIsNamed(WorkbookDatabase database) {
        WorkbookServer server = database.workbook().server();
        String url = server.jdbcUrl("no_such_database");
        assertThatStartFails(url, server.user(), server.password())
                .hasMessageContaining(URL)
                .hasMessageContaining(url)
                .hasMessageContaining("The database 'no_such_database' in the URL does not exist");
    }

    @Test
    void aRoleWithoutCreatedbIsToldToGetIt(WorkbookDatabase database) throws SQLException {
        String role = "workbook_learner_nocreatedb";
        // A random password: the embedded server trusts every local login, yours may want one.
        String rolePassword = UUID.randomUUID().toString();
        try (Connection connection = database.connect(); Statement st = connection.createStatement()) {
            assumeThat(mayCreateRoles(st))
                    .as("%s may not create roles on %s", database.workbook().server().user(), database)
                    .isTrue();
            st.execute("DROP ROLE IF EXISTS " + role);
            st.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB PASSWORD '" + rolePassword + "'");
            try {
                String url = database.workbook().server().jdbcUrl(database.workbook().server().maintenanceDatabase());
                assertThatStartFails(url, role, rolePassword)
                        .hasMessageContaining("The user '" + role + "' (" + USER)
                        .hasMessageContaining("CREATEDB")
                        .hasMessageContaining("ALTER ROLE " + role + " CREATEDB;")
                        .hasMessageNotContaining(rolePassword);
            } finally {
                st.execute("DROP ROLE " + role);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:postgresql://127.0.0.1:%d/postgres?password=" + SECRET,
            "jdbc:postgresql://127.0.0.1:%d/postgres?user=u&password=" + SECRET + "&sslmode=bogus",
            "jdbc:postgresql://me:" + SECRET + "@127.0.0.1:%d/postgres",
            "jdbc:mysql://127.0.0.1:%d/x?password=" + SECRET})
    void aPasswordInTheUrlIsNeverPrinted(String pattern) throws IOException {
        String url = pattern.formatted(freePort());
        assertThatStartFails(url, "u", "")
                .hasMessageContaining(URL)
                .hasMessageContaining("***");
    }


    @Test
    void settingsNeverPrintThePassword() {
        WorkbookSettings external = new WorkbookSettings(
                Optional.of("jdbc:postgresql://h/db?password=" + SECRET + "&ssl=true"), "u", "secret456");
        assertThat(external.toString())
                .doesNotContain(SECRET)
                .doesNotContain("secret456")
                .contains("jdbc:postgresql://h/db?password=***&ssl=true", "user=u", "password=***");
        assertThat(new WorkbookSettings(Optional.empty(), "u", "secret456").toString())
                .doesNotContain("secret456")
                .contains("(embedded)");
        assertThat(new WorkbookSettings(Optional.empty(), "u", "").toString()).contains("password=(none)");
        assertThat(WorkbookSettings.printable("postgresql://me:" + SECRET + "@h:5432/db"))
                .isEqualTo("postgresql://me:***@h:5432/db");
    }

    /**
     * Starts a workbook that must not start. No message, nor any cause's, may show a password: the one passed,
     * nor {@link #SECRET}, which the cases write into URLs.
     */
    static AbstractThrowableAssert<?, ? extends Throwable> assertThatStartFails(String url, String user,
                                                                                      String password) {
        WorkbookSettings settings = new WorkbookSettings(Optional.of(url), user, password);
        AbstractThrowableAssert<?, ? extends Throwable> failure = assertThatThrownBy(() -> {
            // Closed at once, should it start after all: it drops what it created.
            Workbook.start(settings).close();
        }).isInstanceOf(WorkbookSetupException.class);
        failure.satisfies(thrown -> {
            for (Throwable t = thrown; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
                if (!password.isEmpty()) {
                    assertThat(String.valueOf(t.getMessage())).doesNotContain(password);
                }
            }
        });
        return failure;
    }

    private static boolean mayCreateRoles(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(
                "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** A local port where nothing listens (for the moment: the test uses it at once). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
