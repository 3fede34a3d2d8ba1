package dbworkbook.part2;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * One MyBatis statement as a Java Flight Recorder event (lesson 7), committed by {@link StatementTimingInterceptor}.
 * In JDK Mission Control the statements then sit on the same timeline as garbage collections, lock waits and the
 * threads that ran them. When no recording is running, {@code shouldCommit()} is false and the event costs next to
 * nothing.
 */
@Name("dbworkbook.MyBatisStatement")
@Label("MyBatis statement")
@Category({"Workbook", "Database"})
@Description("One statement MyBatis ran, from execution until its rows were read")
public final class StatementEvent extends Event {

    @Label("Statement id")
    String statementId;

    @Label("SQL")
    String sql;
}
