package dbworkbook.part2;

import java.util.Map;
import org.apache.ibatis.plugin.Interceptor;

/** Given for exercise 2.2: a MyBatis plugin that counts and times statements per mapped statement id. */
public interface StatementTallies extends Interceptor {

    /** What one statement id has cost so far. */
    record Tally(long count, long totalNanos, long maxNanos) {

        public Tally plus(long nanos) {
            return new Tally(count + 1, totalNanos + nanos, Math.max(maxNanos, nanos));
        }
    }

    /** Statement id (namespace.id) to its tally, for every id that ran. */
    Map<String, Tally> tallies();
}
