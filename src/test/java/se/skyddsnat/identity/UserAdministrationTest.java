package se.skyddsnat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

class UserAdministrationTest extends IntegrationTest {

	private static final Pattern ONE_TIME = Pattern.compile("id=\"one-time-password\">([^<]+)<");

	@Test
	void shouldCreateUserByApiWithPasswordUsableAtOnce() {
		String admin = token(ADMIN, ADMIN_PASSWORD);
		String json = """
				{"username":"api-anna","displayName":"Anna Andersson","password":"Vinterljus-över-sjön",
				 "roles":["CASEWORKER","MANAGER"],"units":["MIKA","KAST"]}""";

		var created = http().json("POST", "/api/v1/users", json, admin);
		var list = http().json("GET", "/api/v1/users", null, admin);

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location").orElse("")).matches(".*/api/v1/users/\\d+");
		assertThat(created.body()).contains("\"username\":\"api-anna\"")
			.contains("\"mustChangePassword\":false")
			.doesNotContain("password\":\"");
		assertThat(list.body()).contains("\"username\":\"api-anna\"").contains("\"units\":[\"KAST\",\"MIKA\"]");
		assertThat(Http.location(http().login("api-anna", "Vinterljus-över-sjön"))).endsWith("/");
		assertThat(audit().by("admin").kind("USER_CREATED").where("details LIKE ?", "username=api-anna;%").count())
			.isEqualTo(1);
	}

	@Test
	void shouldNameEachBadFieldInProblemJson() {
		String admin = token(ADMIN, ADMIN_PASSWORD);
		String json = """
				{"username":"X","displayName":"","password":"kort",
				 "roles":["CHEF"],"units":["NOPE"]}""";

		var answer = http().json("POST", "/api/v1/users", json, admin);

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"field\":\"username\"")
			.contains("Lösenordet måste ha minst 12 tecken.")
			.contains("Okänd roll: CHEF.")
			.contains("Okänd enhet: NOPE.")
			.contains("{\"field\":\"displayName\",\"message\":\"Ange namnet");
	}

	@Test
	void shouldRefuseCommonPasswordsAndTakenUserNames() {
		String admin = token(ADMIN, ADMIN_PASSWORD);

		var common = http().json("POST", "/api/v1/users", """
				{"username":"common-pw","displayName":"C","password":"password1234!","roles":["ANALYST"],"units":[]}""",
				admin);
		var taken = http().json("POST", "/api/v1/users",
				"""
						{"username":"admin","displayName":"A","password":"Vinterljus-över-sjön","roles":["ANALYST"],"units":[]}""",
				admin);

		assertThat(common.statusCode()).isEqualTo(400);
		assertThat(common.body()).contains("\"field\":\"password\"").contains("för vanligt");
		assertThat(taken.statusCode()).isEqualTo(400);
		assertThat(taken.body()).contains("\"field\":\"username\"").contains("upptaget");
	}

	@Test
	void shouldAnswerInEnglishWhenAsked() {
		var answer = http().send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/users"))
			.header("Authorization", "Bearer " + token(ADMIN, ADMIN_PASSWORD))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"en-user\",\"displayName\":\"E\","
					+ "\"password\":\"short\",\"roles\":[\"ANALYST\"],\"units\":[]}"))
			.build());

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("The password must have at least 12 characters.");
	}

	@Test
	void shouldCreateUserInTheUiWithAOneTimePasswordThatMustBeChanged() {
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		admin.get("/admin/users/new");
		String username = "ui-" + UUID.randomUUID().toString().substring(0, 6);

		var created = admin.post("/admin/users", Map.of("username", username, "displayName", "Ulla Ui", "roles",
				"CASEWORKER", "units", "UNGDOMSJOUREN"));

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.body()).contains("Användaren är skapad");
		var m = ONE_TIME.matcher(created.body());
		assertThat(m.find()).isTrue();
		String oneTime = m.group(1);
		assertThat(admin.get("/admin/users").body()).contains(username).contains("Måste byta lösenord");

		var user = http();
		assertThat(Http.location(user.login(username, oneTime))).endsWith("/");
		assertThat(Http.location(user.get("/"))).endsWith("/account/password");
		assertThat(Http.location(user.get("/municipalities"))).endsWith("/account/password");
		var pwPage = user.get("/account/password");
		assertThat(pwPage.body()).contains("engångslösenord");

		var tooShort = user.post("/account/password",
				Map.of("currentPassword", oneTime, "newPassword", "kort", "confirmation", "kort"));
		assertThat(tooShort.body()).contains("Lösenordet måste ha minst 12 tecken.").contains("error-summary");

		var changed = user.post("/account/password", Map.of("currentPassword", oneTime, "newPassword",
				"Höstlöv-i-parken-42", "confirmation", "Höstlöv-i-parken-42"));
		assertThat(Http.location(changed)).endsWith("/");
		var home = user.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("Välkommen, Ulla Ui").contains("Lösenordet är bytt.");
		assertThat(Http.location(http().login(username, "Höstlöv-i-parken-42"))).endsWith("/");
	}

	@Test
	void shouldShowFormErrorsNextToTheFieldsAndKeepWhatWasTyped() {
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		admin.get("/admin/users/new");

		var answer = admin.post("/admin/users", Map.of("username", "Ogiltig Användare", "displayName", "Kvar Här"));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("Ange ett användarnamn med 3–64 tecken")
			.contains("Välj minst en roll.")
			.contains("href=\"#username\"")
			.containsPattern("value=\"Kvar H(ä|&auml;)r\""); // kept as typed (escaped or
																// not, as HTML allows)
	}

	@Test
	void shouldChangeRolesAndUnitsAndApplyThemAtOnce() {
		String user = createUser("change", List.of("CASEWORKER"), List.of("MIKA"));
		long id = jdbc.sql("SELECT id FROM identity.users WHERE username = ?").param(user).query(Long.class).single();
		var session = http();
		session.login(user, USER_PASSWORD);
		assertThat(session.get("/").body()).contains("<li>Mikamottagningen</li>")
			.doesNotContain("Regionkoordinatorer barn");

		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		admin.get("/admin/users/" + id);
		var saved = admin.post("/admin/users/" + id,
				Map.of("displayName", "Ändrad", "roles", "COORDINATOR", "units", "RK_BARN", "enabled", "true"));

		assertThat(Http.location(saved)).endsWith("/admin/users");
		var home = session.get("/").body();
		// issue 11: units by name on the start page
		assertThat(home).contains("Regionkoordinatorer barn")
			.contains("Projektledare")
			.doesNotContain(">Mikamottagningen<");
		assertThat(audit().kind("USER_CHANGED").where("subject_id = ?", String.valueOf(id)).details().getFirst())
			.contains("[MIKA]->[RK_BARN]");
	}

	@Test
	void shouldNotLetTheAdminLockThemselvesOut() {
		long adminId = jdbc.sql("SELECT id FROM identity.users WHERE username = 'admin'").query(Long.class).single();
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		admin.get("/admin/users/" + adminId);

		var answer = admin.post("/admin/users/" + adminId,
				Map.of("displayName", "Administratör", "roles", "CASEWORKER", "enabled", "true"));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("Du kan inte ta bort din egen administratörsroll");
		assertThat(jdbc.sql("SELECT count(*) FROM identity.user_roles WHERE user_id = ? AND role = 'ADMIN'")
			.param(adminId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldUnlockALockedAccount() {
		String user = createUser("unlock", List.of("ANALYST"), List.of());
		for (int i = 0; i < 6; i++) {
			http().login(user, "fel-fel-fel-fel-" + i);
		}
		long id = jdbc.sql("SELECT id FROM identity.users WHERE username = ?").param(user).query(Long.class).single();
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		assertThat(admin.get("/admin/users/" + id).body()).contains("Kontot är låst till");

		admin.post("/admin/users/" + id + "/unlock", Map.of());

		assertThat(Http.location(http().login(user, USER_PASSWORD))).endsWith("/");
	}

	@Test
	void shouldCreateUnitsWithAStableCode() {
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		var page = admin.get("/admin/units");
		assertThat(page.body()).contains("MIKA", "KAST", "RK_VUXNA", "RK_BARN", "UNGDOMSJOUREN", "STODCENTRUM",
				"SOCIALJOUREN", "Stödcentrum");

		var bad = admin.post("/admin/units", Map.of("code", "1 fel", "name", ""));
		assertThat(bad.body()).contains("Ange en kod med 2–32 tecken").contains("Ange enhetens namn");

		var ok = admin.post("/admin/units", Map.of("code", "natt_team", "name", "Nattpatrullen"));
		assertThat(Http.location(ok)).endsWith("/admin/units");
		assertThat(admin.get("/admin/units").body()).contains("NATT_TEAM").contains("Nattpatrullen");
		assertThat(audit().kind("UNIT_CREATED").where("subject_id = ?", "NATT_TEAM").count()).isEqualTo(1);
	}

}
