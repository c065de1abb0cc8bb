package se.skyddsnat.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.IntegrationTest;

class OperationsTest extends IntegrationTest {

	@Test
	void shouldShowHealthToEveryoneAndDetailsToAdmins() {
		var anonymous = http().json("GET", "/actuator/health", null, null);
		var admin = http().json("GET", "/actuator/health", null, token(ADMIN, ADMIN_PASSWORD));

		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components");
		assertThat(admin.body()).contains("\"status\":\"UP\"").contains("\"db\"");
	}

	@Test
	void shouldServePrometheusMetricsToAdminsOnly() {
		var anonymous = http().json("GET", "/actuator/prometheus", null, null);
		var admin = http().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
			.header("Authorization", "Bearer " + token(ADMIN, ADMIN_PASSWORD))
			.GET()
			.build());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
	}

	@Test
	void shouldDescribeTheApiInOpenApi() {
		var docs = http().json("GET", "/v3/api-docs", null, null);

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/tokens")
			.contains("/api/v1/users")
			.contains("/api/v1/municipalities")
			.contains("bearer");
	}

	@Test
	void shouldAnswerUnknownPagesWithASwedishErrorPageAndUnknownApiPathsWithProblemJson() {
		var browser = http();
		browser.login(ADMIN, ADMIN_PASSWORD);
		var page = browser.get("/finns-inte");
		var api = http().json("GET", "/api/v1/finns-inte", null, token(ADMIN, ADMIN_PASSWORD));

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Sidan finns inte.").doesNotContain("Exception");
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	@Test
	void shouldServeStaticAssetsFromTheApplicationItself() {
		assertThat(http().get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
		assertThat(http().get("/css/app.css").statusCode()).isEqualTo(200);
		assertThat(http().get("/js/app.js").statusCode()).isEqualTo(200);
	}

}
