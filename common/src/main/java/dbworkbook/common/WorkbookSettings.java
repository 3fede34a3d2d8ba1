package dbworkbook.common;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the workbook's PostgreSQL is. Nothing set: an embedded PostgreSQL is started for you.
 *
 * <p>Each setting is read from a system property first, then from the environment:
 * <ul>
 *   <li>{@code workbook.jdbc.url} / {@code WORKBOOK_JDBC_URL}: your own server, e.g.
 *       {@code jdbc:postgresql://localhost:5432/postgres}. The database named in it is only used to connect;
 *       the workbook creates its own databases (named {@code workbook_*}) beside it.</li>
 *   <li>{@code workbook.jdbc.user} / {@code WORKBOOK_JDBC_USER} (default {@code postgres})</li>
 *   <li>{@code workbook.jdbc.password} / {@code WORKBOOK_JDBC_PASSWORD} (default: none)</li>
 * </ul>
 * An empty value counts as not set (Maven passes empty properties through).
 */
public record WorkbookSettings(Optional<String> jdbcUrl, String user, String password) {

    public static final String URL_SETTING = "WORKBOOK_JDBC_URL (or -Dworkbook.jdbc.url)";
    public static final String USER_SETTING = "WORKBOOK_JDBC_USER (or -Dworkbook.jdbc.user)";
    public static final String PASSWORD_SETTING = "WORKBOOK_JDBC_PASSWORD (or -Dworkbook.jdbc.password)";

    /** {@code password=...} (also {@code sslpassword=...}) among the URL parameters. */
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&]*");
    /**
     * {@code //user:secret@host}: not valid in a JDBC URL, but people paste libpq URIs, and the message that says
     * so must not repeat the secret.
     */
    private static final Pattern PASSWORD_IN_USER_INFO = Pattern.compile("(//[^/?#@:]*):[^/?#@]*@");

    public WorkbookSettings {
        // A null would only surface later as a NullPointerException far from its cause.
        Objects.requireNonNull(jdbcUrl, "jdbcUrl: Optional.empty() for the embedded server");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password: \"\" for none");
    }

    public static WorkbookSettings fromEnvironment() {
        return new WorkbookSettings(
                read("workbook.jdbc.url", "WORKBOOK_JDBC_URL"),
                read("workbook.jdbc.user", "WORKBOOK_JDBC_USER").orElse("postgres"),
                read("workbook.jdbc.password", "WORKBOOK_JDBC_PASSWORD").orElse(""));
    }

    public boolean useEmbeddedServer() {
        return jdbcUrl.isEmpty();
    }

    /** The URL as it may be printed: a password written into it is masked. */
    public static String printable(String jdbcUrl) {
        String masked = PASSWORD_IN_URL.matcher(jdbcUrl).replaceAll("$1***");
        return PASSWORD_IN_USER_INFO.matcher(masked).replaceAll("$1:***@");
    }

    @Override
    public String toString() {
        return "WorkbookSettings[url=" + jdbcUrl.map(WorkbookSettings::printable).orElse("(embedded)")
                + ", user=" + user + ", password=" + (password.isEmpty() ? "(none)" : "***") + "]";
    }

    private static Optional<String> read(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
