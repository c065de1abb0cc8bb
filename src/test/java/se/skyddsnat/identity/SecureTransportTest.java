package se.skyddsnat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import se.skyddsnat.support.IntegrationTest;

/**
 * Behind a TLS proxy, configured with {@code SERVER_FORWARD_HEADERS_STRATEGY=framework}:
 * a request the proxy marks {@code X-Forwarded-Proto: https} gets HSTS and Secure
 * cookies; plain HTTP (the proxy's health check, a developer's laptop) gets neither.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class SecureTransportTest extends IntegrationTest {

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void shouldSendHstsAndSecureCookiesWhenTheProxySaysHttps() throws Exception {
		var viaTls = get("/login?lang=en", "https");
		var plain = get("/login?lang=en", null);

		assertThat(viaTls.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000").contains("includeSubDomains"));
		List<String> cookies = viaTls.headers().allValues("Set-Cookie");
		assertThat(cookies)
			.anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
		assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("skyddsnat-lang=").contains("Secure"));
		assertThat(cookies).allSatisfy(c -> assertThat(c).contains("Secure"));

		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(plain.headers().allValues("Set-Cookie")).isNotEmpty()
			.allSatisfy(c -> assertThat(c).doesNotContain("Secure"));
	}

	@Test
	void shouldKeepTheLoggedInSessionCookieSecureAndRedirectToHttps() throws Exception {
		var page = get("/login", "https");
		String session = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow()
			.split(";")[0];
		String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

		var login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("X-Forwarded-Proto", "https")
			.header("Cookie", session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + ADMIN + "&password=" + ADMIN_PASSWORD + "&_csrf=" + csrf))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).startsWith("https://"));
		assertThat(login.headers().allValues("Set-Cookie"))
			.anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure"));
		assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	private HttpResponse<String> get(String path, String forwardedProto) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html");
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
