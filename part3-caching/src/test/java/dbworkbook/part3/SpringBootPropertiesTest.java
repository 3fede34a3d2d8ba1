package dbworkbook.part3;

import dbworkbook.common.springboot.SpringBootColumnsOfTheReadme;

/** Every Spring Boot property named in this chapter's README exists (see {@link SpringBootColumnsOfTheReadme}). */
class SpringBootPropertiesTest extends SpringBootColumnsOfTheReadme {
}
