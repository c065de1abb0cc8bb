package se.skyddsnat.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/** The sessions in PostgreSQL (Spring Session JDBC, README "More than one node"). */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/**
	 * Two requests of one session that set the same new attribute at once (a form sent
	 * twice, two tabs) upsert it: without this the second one's INSERT breaks the
	 * attribute's primary key and the request fails.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

}
