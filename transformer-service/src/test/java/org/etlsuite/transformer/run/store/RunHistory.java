package org.etlsuite.transformer.run.store;

import java.time.Clock;

import org.etlsuite.transformer.EmbeddedPostgresHolder;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

/**
 * The run history of one transformer instance, without Kafka or the web: {@link RunStore} with its
 * entities and repositories over a real PostgreSQL database of its own (schema by the Flyway
 * migrations). Two contexts on the same database are two instances, each with its own connection pool.
 */
public final class RunHistory {

    private RunHistory() {
    }

    /**
     * @param jvmClock the instance's own clock, as the {@code runClock} bean of the application: the run
     *                 history must not use it, so tests give each instance one that is far off
     */
    public static ApplicationContextRunner instance(String database, Clock jvmClock) {
        return instance(database, jvmClock, RunStore.class);
    }

    /** @param store the store's class: {@link RunStore} or a subclass that simulates trouble */
    public static ApplicationContextRunner instance(String database, Clock jvmClock, Class<? extends RunStore> store) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                        FlywayAutoConfiguration.class, HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
                        DataJpaRepositoriesAutoConfiguration.class))
                .withUserConfiguration(Beans.class)
                .withBean(store)
                .withBean("runClock", Clock.class, () -> jvmClock)
                .withPropertyValues(
                        "spring.datasource.url=" + EmbeddedPostgresHolder.jdbcUrl(database),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=postgres",
                        "spring.jpa.hibernate.ddl-auto=validate",
                        "spring.jpa.open-in-view=false");
    }

    /**
     * The run store's entities and repositories (this package). Not a {@code @Configuration}: the application's
     * component scan in other tests must not pick it up.
     */
    @AutoConfigurationPackage
    static class Beans {
    }
}
