package dbworkbook.common.junit;

import dbworkbook.common.Workbook;
import dbworkbook.common.WorkbookDatabase;
import dbworkbook.common.WorkbookSetupException;
import dbworkbook.common.domain.DataGenerator;
import dbworkbook.common.domain.Scale;
import dbworkbook.common.exercise.ExerciseBoard;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit side of {@link WorkbookTest}. The {@link Workbook} (server and migrated template) lives in the launcher
 * session's store, so it is created once per test JVM and closed by JUnit when the run ends; each test class's database lives
 * in the class's store and is dropped when the class is done. A class without {@code @WorkbookTest} (an exercise
 * contract, say) gets the {@link Workbook} only, and makes the databases it needs itself.
 *
 * <p>If the server cannot be reached, that is said once, in full, and every later class of the run fails at once
 * with a one-line pointer to it: no second wait on a server that did not answer, no wall of repeated messages.
 */
public final class WorkbookExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WorkbookExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<WorkbookTest> settings = AnnotationSupport.findAnnotation(testClass, WorkbookTest.class);
        if (settings.isPresent()) {
            context.getStore(NAMESPACE).put(ClassDatabase.class,
                    ClassDatabase.create(workbook(context), testClass, settings.get()));
        }
    }

    /**
     * The run's workbook: started by the first class that needs it. It is kept for the launcher session, not the
     * execution request: a test JVM with others beside it (Surefire's {@code forkCount} above 1) runs its classes one
     * request each, and would otherwise start and stop a server for every class.
     */
    public static Workbook workbook(ExtensionContext context) {
        return context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE)
                .computeIfAbsent(Startup.class, key -> Startup.attempt(), Startup.class)
                .workbook();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ClassDatabase database = context.getStore(NAMESPACE).get(ClassDatabase.class, ClassDatabase.class);
        if (database != null) {
            database.recorder().reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Workbook.class || ClassDatabase.RESOLVABLE.containsKey(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == Workbook.class) {
            return workbook(extensionContext);
        }
        Object value = ClassDatabase.RESOLVABLE.get(type).apply(classDatabase(extensionContext));
        if (value == null) {
            throw new ParameterResolutionException("No SqlSessionFactory: name the chapter's MyBatis configuration "
                    + "in @WorkbookTest(mybatisConfig = \"...\") on " + extensionContext.getRequiredTestClass());
        }
        return value;
    }

    private static ClassDatabase classDatabase(ExtensionContext context) {
        ClassDatabase database = context.getStore(NAMESPACE).get(ClassDatabase.class, ClassDatabase.class);
        if (database == null) {
            throw new ExtensionConfigurationException("No workbook database: is the test class annotated with "
                    + "@WorkbookTest?");
        }
        return database;
    }

    /** The outcome of starting the workbook, kept for the whole run: the workbook, or why there is none. */
    private record Startup(Workbook started, WorkbookSetupException failure) implements AutoCloseable {

        static Startup attempt() {
            try {
                return new Startup(Workbook.start(), null);
            } catch (WorkbookSetupException e) {
                // Said once, where a reader sees it first; every test class of the run then fails with a pointer.
                System.err.printf("%n*** The workbook has no database to work with ***%n%s%n%n",
                        String.join(System.lineSeparator(), ExerciseBoard.wrapped(e.getMessage())));
                return new Startup(null, e);
            }
        }

        Workbook workbook() {
            if (failure != null) {
                throw new WorkbookSetupException("No database: the workbook could not start. The first error of "
                        + "this run, above, says why and what to change.");
            }
            return started;
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }

    /** One test class's database, pool, recorder and (if asked for) MyBatis. Closing it drops the database. */
    private record ClassDatabase(WorkbookDatabase database, Scale scale, StatementRecorder recorder,
                                 DataSource recordedDataSource, SqlSessionFactory sqlSessionFactory)
            implements AutoCloseable {

        /** What a test method may ask for, and where it comes from. */
        static final Map<Class<?>, Function<ClassDatabase, Object>> RESOLVABLE = Map.of(
                DataSource.class, ClassDatabase::recordedDataSource,
                StatementRecorder.class, ClassDatabase::recorder,
                WorkbookDatabase.class, ClassDatabase::database,
                Scale.class, ClassDatabase::scale,
                SqlSessionFactory.class, ClassDatabase::sqlSessionFactory);

        static ClassDatabase create(Workbook workbook, Class<?> testClass, WorkbookTest settings) {
            Scale scale = Scale.of(settings.dealerships(), settings.carsPerDealership(),
                    settings.salespeoplePerDealership());
            WorkbookDatabase database = workbook.createDatabase(testClass.getSimpleName());
            try {
                DataSource pool = database.pooledDataSource(testClass.getSimpleName(), settings.poolSize());
                DataGenerator.populate(pool, scale);
                StatementRecorder recorder = new StatementRecorder();
                DataSource recorded = recorder.record(pool);
                SqlSessionFactory factory = settings.mybatisConfig().isEmpty()
                        ? null : MyBatisBootstrap.sqlSessionFactory(recorded, settings.mybatisConfig());
                return new ClassDatabase(database, scale, recorder, recorded, factory);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }

        @Override
        public void close() {
            database.close();
        }
    }
}
