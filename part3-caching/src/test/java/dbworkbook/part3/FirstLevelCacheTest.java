package dbworkbook.part3;

import static dbworkbook.common.recorder.StatementsAssert.assertThatStatements;
import static org.assertj.core.api.Assertions.assertThat;

import dbworkbook.common.domain.Car;
import dbworkbook.common.junit.WorkbookTest;
import dbworkbook.common.mybatis.MyBatisBootstrap;
import dbworkbook.common.recorder.StatementRecorder;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Lesson 4: the first-level (local) cache. Every {@code SqlSession} remembers the results of its selects, keyed by
 * statement and parameters, until it commits, rolls back, clears it, runs a write, or closes. It cannot be switched
 * off, only shortened to one statement ({@code localCacheScope=STATEMENT}). Tests that change rows put them back.
 */
@WorkbookTest(dealerships = 2, carsPerDealership = 5, mybatisConfig = Part3.MYBATIS_CONFIG)
class FirstLevelCacheTest {

    @Test
    void theSameSelectTwiceInOneSessionRunsOnce(SqlSessionFactory factory, StatementRecorder recorder) {
        try (SqlSession session = factory.openSession()) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            Car first = mapper.findById(1L);
            Car second = mapper.findById(1L);

            assertThat(second).isSameAs(first); // not even a copy: the very object of the first call
        }
        assertThatStatements(recorder).hasCount(1);
    }

    @Test
    void withLocalCacheScopeStatementItRunsTwice(DataSource dataSource, StatementRecorder recorder) {
        SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(dataSource, Part3.MYBATIS_CONFIG);
        factory.getConfiguration().setLocalCacheScope(LocalCacheScope.STATEMENT);
        try (SqlSession session = factory.openSession()) {
            CarMapper mapper = session.getMapper(CarMapper.class);
            mapper.findById(1L);
            mapper.findById(1L);
        }
        assertThatStatements(recorder).hasCount(2);
    }

    @Test
    void aSessionDoesNotSeeAChangeCommittedByAnotherAfterItCachedTheRow(SqlSessionFactory factory) {
        try (SqlSession reader = factory.openSession()) {
            CarMapper readerCars = reader.getMapper(CarMapper.class);
            BigDecimal before = readerCars.findById(2L).getPrice();

            BigDecimal changed = before.add(BigDecimal.ONE);
            changePrice(factory, 2L, changed);
            try {
                // The database says `changed` (READ COMMITTED would show it), but the session answers from memory.
                assertThat(readerCars.findById(2L).getPrice()).isEqualByComparingTo(before);

                // The fixes: clear the session's cache, or ask with a statement that flushes it.
                reader.clearCache();
                assertThat(readerCars.findById(2L).getPrice()).isEqualByComparingTo(changed);
                assertThat(readerCars.findByIdUncached(2L).getPrice()).isEqualByComparingTo(changed);
            } finally {
                changePrice(factory, 2L, before);
            }
        }
    }

    @Test
    void withLocalCacheScopeStatementTheSessionReadsTheChange(DataSource dataSource) {
        SqlSessionFactory factory = MyBatisBootstrap.sqlSessionFactory(dataSource, Part3.MYBATIS_CONFIG);
        factory.getConfiguration().setLocalCacheScope(LocalCacheScope.STATEMENT);
        try (SqlSession reader = factory.openSession()) {
            CarMapper readerCars = reader.getMapper(CarMapper.class);
            BigDecimal before = readerCars.findById(3L).getPrice();

            BigDecimal changed = before.add(BigDecimal.ONE);
            changePrice(factory, 3L, changed);
            try {
                assertThat(readerCars.findById(3L).getPrice()).isEqualByComparingTo(changed);
            } finally {
                changePrice(factory, 3L, before);
            }
        }
    }

    /**
     * A trap found while writing chapter 1: JDBC work done on {@code session.getConnection()} is invisible to
     * MyBatis, so the session is not "dirty" and {@code close()} does not roll it back. Worse, closing resets the
     * connection to auto-commit, and switching auto-commit on commits the open transaction. The work is kept.
     */
    @Test
    void closingASessionKeepsWorkDoneOnItsConnectionUnlessYouRollBackExplicitly(SqlSessionFactory factory)
            throws SQLException {
        try (SqlSession session = factory.openSession()) {
            execute(session, "INSERT INTO dealership (name, city) VALUES ('Kept by close', 'Oslo')");
        }
        try (SqlSession session = factory.openSession()) {
            execute(session, "INSERT INTO dealership (name, city) VALUES ('Undone by rollback(true)', 'Oslo')");
            session.rollback(true); // true: roll back even though MyBatis thinks nothing was written
        }
        try {
            assertThat(dealershipsNamed(factory, "Kept by close")).isEqualTo(1);
            assertThat(dealershipsNamed(factory, "Undone by rollback(true)")).isZero();
        } finally {
            try (SqlSession session = factory.openSession(true)) {
                execute(session, "DELETE FROM dealership WHERE name = 'Kept by close'");
            }
        }
    }

    private static void changePrice(SqlSessionFactory factory, long carId, BigDecimal price) {
        try (SqlSession writer = factory.openSession()) {
            writer.getMapper(CarMapper.class).updatePrice(carId, price);
            writer.commit();
        }
    }

    private static void execute(SqlSession session, String sql) throws SQLException {
        try (Statement statement = session.getConnection().createStatement()) {
            statement.execute(sql);
        }
    }

    private static long dealershipsNamed(SqlSessionFactory factory, String name) throws SQLException {
        try (SqlSession session = factory.openSession();
             Statement statement = session.getConnection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM dealership WHERE name = '" + name + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
