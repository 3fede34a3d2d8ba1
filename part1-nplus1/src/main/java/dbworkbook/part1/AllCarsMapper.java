package dbworkbook.part1;

import dbworkbook.common.domain.Car;
import org.apache.ibatis.cursor.Cursor;

/** Lesson 10, large result sets: see AllCarsMapper.xml. */
public interface AllCarsMapper {

    /** The statement's id, for SqlSession's own methods ({@code selectList}, {@code select} with a handler). */
    String FIND_ALL_IN_ID_ORDER = "dbworkbook.part1.AllCarsMapper.findAllInIdOrder";

    /**
     * Every car in id order, as a cursor: MyBatis maps one row when the caller asks for the next car. Use it inside
     * the session, and close it (or the session) when done.
     */
    Cursor<Car> findAllInIdOrder();
}
