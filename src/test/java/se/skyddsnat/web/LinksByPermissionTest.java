package se.skyddsnat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * Issue 11: every link a user is shown is one the user may use. From the start page and
 * the section pages each role reaches, every link is followed: none answers 403 (a
 * caseworker was shown the cost split and the population tables, an administrator usage
 * per municipality).
 */
class LinksByPermissionTest extends IntegrationTest {

	private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#?]*)[^\"]*\"");

	private static final List<String> PAGES = List.of("/", "/region", "/outreach", "/cases", "/municipalities");

	@Test
	void shouldShowACaseworkerOnlyLinksTheCaseworkerMayFollow() {
		String caseworker = createUser("lankar", List.of("CASEWORKER"), List.of("MIKA"));
		var followed = followAll(caseworker, USER_PASSWORD);
		assertThat(followed).doesNotContain("/region/cost-split", "/region/population", "/followup/usage",
				"/region/meetings", "/region/non-joined", "/admin/users");
		assertThat(followed).contains("/cases", "/people", "/outreach/shifts/new");
	}

	@Test
	void shouldShowAnAdministratorOnlyLinksTheAdministratorMayFollow() {
		var followed = followAll(ADMIN, ADMIN_PASSWORD);
		assertThat(followed).doesNotContain("/followup/usage", "/outreach/shifts/new", "/outreach/statistics");
		assertThat(followed).contains("/admin/users", "/admin/audit", "/region/cost-split");
	}

	@Test
	void shouldShowAnAnalystOnlyLinksTheAnalystMayFollow() {
		String analyst = createUser("lankanalys", List.of("ANALYST"), List.of());
		var followed = followAll(analyst, USER_PASSWORD);
		assertThat(followed).contains("/followup/usage", "/outreach/statistics").doesNotContain("/outreach/shifts/new");
	}

	/** Issue 11: a 403 page says what the user may not do and whom to ask. */
	@Test
	void shouldSayOnA403PageWhatIsNotAllowedAndWhomToAsk() {
		Http session = http();
		session.login(createUser("lanknej", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		var refused = session.get("/region/cost-split");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body())
			.contains(
					"Din roll eller dina enheter ger dig inte behörighet att se eller ändra " + "kostnadsfördelningen.")
			.contains("Be din chef eller en administratör");
		assertThat(session.get("/admin/users").body()).contains("behörighet att hantera användare");
	}

	/**
	 * Issue 11: after a form's answer was shown at its POST address (a refused action),
	 * reload or "back" asks for that address by GET: the person lands on the form's page,
	 * never on a 405 "oväntat fel".
	 */
	@Test
	void shouldNeverAnswer405ToAReloadOfAFormsAddress() {
		Http session = http();
		session.login(createUser("lankpost", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		for (String[] post : new String[][] { { "/cases/1/close", "/cases/1" }, { "/people/1/reveal", "/people/1" },
				{ "/cases/1/people", "/cases/1" } }) {
			var reload = session.get(post[0]);
			assertThat(reload.statusCode()).as(post[0]).isEqualTo(302);
			assertThat(Http.location(reload)).as(post[0]).endsWith(post[1]);
		}
	}

	/** Issue 11: every page names a favicon, served without login. */
	@Test
	void shouldServeAFavicon() {
		var icon = http().get("/favicon.svg");
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
		assertThat(http().get("/login").body())
			.contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/favicon.svg\">");
	}

	/**
	 * Follows every in-app link of the pages the user reaches; fails on the first one
	 * answering 403.
	 */
	private Set<String> followAll(String username, String password) {
		Http session = http();
		session.login(username, password);
		var links = new LinkedHashSet<String>();
		for (String page : PAGES) {
			var response = session.get(page);
			if (response.statusCode() != 200) {
				continue;
			}
			var m = HREF.matcher(response.body());
			while (m.find()) {
				String href = m.group(1);
				if (!href.startsWith("/css") && !href.startsWith("/js") && !href.startsWith("/webjars")
						&& !href.equals("/logout") && !href.startsWith("/favicon")) {
					links.add(href);
				}
			}
		}
		var refused = new ArrayList<String>();
		for (String href : links) {
			int status = session.get(href).statusCode();
			if (status == 403 || status == 405 || status >= 500) {
				refused.add(href + " → " + status);
			}
		}
		assertThat(refused).as(username + " was shown links that refuse: " + refused).isEmpty();
		return links;
	}

}
