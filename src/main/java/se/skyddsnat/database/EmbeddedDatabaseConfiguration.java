package se.skyddsnat.database;

import java.nio.file.Path;
import java.util.HashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * When no datasource is configured, Skyddsnät runs its own PostgreSQL (the same engine as
 * in production) with its data under {@code skyddsnat.data-dir}/postgres, so a newcomer
 * needs one command. Setting {@code SPRING_DATASOURCE_URL} switches this off entirely.
 * <p>
 * The application connects as {@code skyddsnat_app}; Flyway migrates as
 * {@code skyddsnat_owner}, exactly as {@code SPRING_DATASOURCE_*} and
 * {@code SPRING_FLYWAY_USER}/{@code _PASSWORD} do for an external PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceConfigured.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(@Value("${skyddsnat.data-dir}") Path dataDir,
			@Value("${skyddsnat.embedded-db.port:0}") int port,
			@Value("${skyddsnat.embedded-db.ephemeral:false}") boolean ephemeral,
			@Value("${skyddsnat.embedded-db.durable:true}") boolean durable) {
		return EmbeddedDatabase.start(dataDir, port, ephemeral, durable);
	}

	/** The application's own connections: the role that may not rewrite the audit log. */
	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedDatabase db) {
		var ds = new HikariDataSource();
		ds.setJdbcUrl(db.jdbcUrl());
		ds.setUsername(db.credentials().app().name());
		ds.setPassword(db.credentials().app().password());
		ds.setMaximumPoolSize(10);
		ds.setPoolName("skyddsnat-embedded");
		ds.addDataSourceProperty("logServerErrorDetail", "false");
		return ds;
	}

	/** Flyway's connection: the owner of the schemas. */
	@Bean
	FlywayConnectionDetails flywayConnectionDetails(EmbeddedDatabase db) {
		return new FlywayConnectionDetails() {
			@Override
			public String getJdbcUrl() {
				return db.jdbcUrl() + "?logServerErrorDetail=false";
			}

			@Override
			public String getUsername() {
				return db.credentials().owner().name();
			}

			@Override
			public String getPassword() {
				return db.credentials().owner().password();
			}
		};
	}

	/**
	 * The role that {@code afterMigrate__application_role.sql} grants to (the property's
	 * default is for external use).
	 */
	@Bean
	FlywayConfigurationCustomizer embeddedApplicationRole(EmbeddedDatabase db) {
		return configuration -> {
			var placeholders = new HashMap<>(configuration.getPlaceholders());
			placeholders.put("app_role", db.credentials().app().name());
			configuration.placeholders(placeholders);
		};
	}

	static class NoDatasourceConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}

	}

}
