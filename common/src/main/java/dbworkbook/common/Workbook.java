package dbworkbook.common;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.flywaydb.core.Flyway;

/**
 * The workbook's databases on one server, once per JVM.
 *
 * <p>At start the Flyway migrations (module {@code flyway}) are applied once, to a template database. Every test
 * class and every demo then gets its own database as a copy of that template ({@code CREATE DATABASE ... TEMPLATE}),
 * which takes a fraction of a second instead of migrating again.
 *
 * <p>Safety: the workbook only ever drops databases that this object created in this run. Their names start
 * with {@code workbook_} and carry a random suffix, so two runs against one server never meet, and no database of
 * yours is ever touched.
 */
public final class Workbook implements AutoCloseable {

    public static final String DATABASE_PREFIX = "workbook_";

    private static final Logger LOG = LogManager.getLogger(Workbook.class);
    private static final int MAX_NAME_LENGTH = 63; // PostgreSQL's NAMEDATALEN - 1

    private final WorkbookServer server;
    private final String runId;
    private final String templateName;
    private final Set<String> createdByThisRun = new LinkedHashSet<>();
    private int databaseCounter;

    private Workbook(WorkbookServer server) {
        this.server = server;
        this.runId = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
        this.templateName = DATABASE_PREFIX + "template_" + runId;
    }

    /** Starts (or connects to) the server and prepares the migrated template. */
    public static Workbook start() {
        return start(WorkbookSettings.fromEnvironment());
    }

    public static Workbook start(WorkbookSettings settings) {
        WorkbookServer server = WorkbookServer.start(settings);
        Workbook workbook = new Workbook(server);
        try {
            workbook.createTemplate();
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
        return workbook;
    }

    public WorkbookServer server() {
        return server;
    }

    /**
     * A fresh database with the migrated schema and no data, named after its purpose
     * (e.g. {@code workbook_nestedselecttest_1_a1b2c3}). Closing it drops it.
     */
    public synchronized WorkbookDatabase createDatabase(String purpose) {
        String name = databaseName(purpose);
        // CREATE DATABASE ... TEMPLATE fails while anyone else is connected to the template: Flyway has closed its
        // connections, and no one else knows the template's random name.
        executeInMaintenanceDatabase("CREATE DATABASE " + name + " TEMPLATE " + templateName);
        createdByThisRun.add(name);
        markAsWorkbookDatabase(name);
        return new WorkbookDatabase(this, name);
    }

    synchronized void drop(String name) {
        if (!createdByThisRun.contains(name)) {
            throw new IllegalStateException("Refusing to drop '" + name + "': this run did not create it.");
        }
        try {
            // WITH (FORCE) ends sessions still connected to it (PostgreSQL 13+): only ever our own connections.
            executeInMaintenanceDatabase("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (WorkbookSetupException e) {
            if (!(e.getCause() instanceof SQLException cause) || !"42501".equals(cause.getSQLState())) {
                throw e;
            }
            // A role that is not a superuser may not end a process of no role: an autovacuum worker, at work in the
            // database just used. A plain DROP DATABASE ends autovacuum workers itself; our own sessions are closed.
            executeInMaintenanceDatabase("DROP DATABASE IF EXISTS " + name);
        }
        createdByThisRun.remove(name);
    }

    private void createTemplate() {
        long start = System.nanoTime();
        executeInMaintenanceDatabase("CREATE DATABASE " + templateName);
        createdByThisRun.add(templateName);
        markAsWorkbookDatabase(templateName);
        Flyway.configure()
                .dataSource(server.jdbcUrl(templateName), server.user(), server.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.debug("Template {} migrated in {} ms", templateName, Duration.ofNanos(System.nanoTime() - start).toMillis());
    }

    private void markAsWorkbookDatabase(String name) {
        executeInMaintenanceDatabase("COMMENT ON DATABASE " + name
                + " IS 'Created by the Java database-performance workbook for one run; dropped when the run ends.'");
    }

    private String databaseName(String purpose) {
        String cleaned = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        String suffix = "_" + (++databaseCounter) + "_" + runId;
        int room = MAX_NAME_LENGTH - DATABASE_PREFIX.length() - suffix.length();
        if (cleaned.length() > room) {
            cleaned = cleaned.substring(cleaned.length() - room);
        }
        return DATABASE_PREFIX + cleaned + suffix;
    }

    private void executeInMaintenanceDatabase(String sql) {
        try (Connection connection = server.connect(server.maintenanceDatabase());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new WorkbookSetupException("The workbook could not run '" + sql + "' on " + server.description()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Drops every database this run created, then stops the embedded server (if it is one). */
    @Override
    public synchronized void close() {
        List<String> names = new ArrayList<>(createdByThisRun);
        Collections.reverse(names); // the template last: it is the source of the others
        for (String name : names) {
            try {
                drop(name);
            } catch (RuntimeException e) {
                LOG.warn("Could not drop {}: {}", name, e.getMessage());
            }
        }
        server.close();
    }
}
