package dbworkbook.part3;

/** What the chapter's tests, demo and benchmarks share. */
public final class Part3 {

    /** The chapter's MyBatis configuration, a classpath resource. */
    public static final String MYBATIS_CONFIG = "dbworkbook/part3/mybatis-config.xml";

    /**
     * The classes a read/write second-level cache may deserialize (a JEP 290 filter, {@code -Djdk.serialFilter}):
     * the workbook's domain classes and the JDK's own types, nothing else.
     */
    public static final String SERIAL_FILTER = "dbworkbook.common.domain.*;java.base/*;!*";

    private Part3() {
    }
}
