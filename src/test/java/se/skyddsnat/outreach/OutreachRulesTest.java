package se.skyddsnat.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

class OutreachRulesTest extends IntegrationTest {

	private static final String SHIFTS_HEADER = "ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes\n";

	private static final String ENCOUNTERS_HEADER = "shift_ref;role;gender;age;minor;home_municipality;support_offered;offered_by;accepted\n";

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

	@Test
	void shouldRefuseEachKindOfBadFileNamingTheLineAndWriteNothing() {
		String token = token(createUser("badfiles", List.of("MANAGER"), List.of("MIKA")), USER_PASSWORD);
		String okShift = "ok-1;2015-03-01;19:00;22:00;joint;raid;apartment;0180;MIKA|KAST;\n";
		String okPerson = "ok-1;exposed;female;25;no;0180;yes;MIKA;yes\n";
		record Case(String name, String shifts, String encounters, String file, int line, String column, String text) {
		}
		var cases = List.of(
				new Case("wrong column", SHIFTS_HEADER.replace("date;", "datum;") + okShift,
						ENCOUNTERS_HEADER + okPerson, "shifts", 1, "datum", "Okänd kolumn \\\"datum\\\""),
				new Case("bad date", SHIFTS_HEADER + okShift + "bad-2;2015-13-01;;;own;;street;0180;MIKA;\n",
						ENCOUNTERS_HEADER + okPerson, "shifts", 3, "date", "Ange ett datum i formen ÅÅÅÅ-MM-DD."),
				new Case("unknown municipality", SHIFTS_HEADER + "bad-3;2015-03-02;;;own;;street;9999;MIKA;\n",
						ENCOUNTERS_HEADER, "shifts", 2, "municipality", "Okänd kommunkod \\\"9999\\\""),
				new Case("minor and age disagree", SHIFTS_HEADER + okShift,
						ENCOUNTERS_HEADER + okPerson + "ok-1;exposed;female;30;yes;0180;yes;MIKA;no\n", "encounters", 3,
						"minor", "Åldern 30 år stämmer inte"),
				new Case("unknown unit", SHIFTS_HEADER + "bad-5;2015-03-03;;;own;;street;0180;MIKA|NOPE;\n",
						ENCOUNTERS_HEADER, "shifts", 2, "units", "Okänd enhet \\\"NOPE\\\""),
				new Case("duplicate ref", SHIFTS_HEADER + okShift + okShift, ENCOUNTERS_HEADER, "shifts", 3, "ref",
						"Referensen \\\"ok-1\\\" finns redan på rad 2"),
				new Case("joint without police operation",
						SHIFTS_HEADER + "bad-7;2015-03-04;;;joint;;apartment;0180;MIKA;\n", ENCOUNTERS_HEADER, "shifts",
						2, "police_operation", "Välj ett värde. Giltiga värden: surveillance, raid."));
		for (Case c : cases) {
			var before = counts();
			var answer = http().multipart("/api/v1/outreach/import",
					Map.of("shifts", bytes(c.shifts()), "encounters", bytes(c.encounters())), token);
			assertThat(answer.statusCode()).as(c.name()).isEqualTo(400);
			assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(c.name())
				.startsWith("application/problem+json");
			assertThat(answer.body()).as(c.name())
				.contains("\"file\":\"" + c.file() + "\",\"line\":" + c.line() + ",\"column\":\"" + c.column() + "\"")
				.contains(c.text());
			assertThat(counts()).as(c.name() + ": nothing written").isEqualTo(before);
		}
	}

	@Test
	void shouldWriteNothingOnADryRun() {
		String token = token(createUser("dryrun", List.of("COORDINATOR"), List.of()), USER_PASSWORD);
		var before = counts();

		var answer = http().multipart("/api/v1/outreach/import?dryRun=true",
				Map.of("shifts", bytes(SHIFTS_HEADER + "dry-1;2015-04-01;;;joint;surveillance;street;0180;MIKA;\n"),
						"encounters", bytes(ENCOUNTERS_HEADER + "dry-1;exposed;female;16;yes;0126;yes;MIKA;no\n")),
				token);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("\"shifts\":1")
			.contains("\"minorTasks\":2")
			.contains("\"notices\":1")
			.contains("\"dryRun\":true");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void shouldGiveTwoTasksPerChildAndOneNoticePerNonJoinedMunicipality() {
		String coordinator = createUser("coord", List.of("COORDINATOR"), List.of());
		String youth = createUser("youth", List.of("CASEWORKER"), List.of("UNGDOMSJOUREN"));
		String other = createUser("kast", List.of("CASEWORKER"), List.of("KAST"));
		String date = TODAY.minusDays(1).toString();
		String ref = "rules-" + System.nanoTime();
		var answer = http().multipart("/api/v1/outreach/import", Map.of("shifts",
				bytes(SHIFTS_HEADER + ref + ";" + date + ";21:00;;joint;raid;apartment;0180;UNGDOMSJOUREN|MIKA;\n"),
				"encounters", bytes(ENCOUNTERS_HEADER + ref + ";exposed;female;16;yes;0126;yes;UNGDOMSJOUREN;unknown\n" // child
																														// from
																														// Huddinge
																														// (not
																														// joined)
						+ ref + ";exposed;female;;unknown;0126;yes;MIKA;no\n" // Huddinge
																				// again:
																				// same
																				// notice
						+ ref + ";buyer;male;40;no;0115;yes;MIKA;no\n" // Vallentuna (not
																		// joined)
						+ ref + ";buyer;male;35;no;0162;yes;MIKA;no\n" // Danderyd
																		// (unknown
																		// status)
						+ ref + ";exposed;female;30;no;0180;yes;MIKA;yes\n" // the host
																			// city: never
						+ ref + ";exposed;female;28;no;0114;yes;MIKA;yes\n" // Upplands
																			// Väsby
																			// (joined)
						+ ref + ";exposed;female;;unknown;abroad;yes;MIKA;unknown\n" + ref
						+ ";other;unknown;;unknown;unknown;no;;unknown\n")),
				token(ADMIN, ADMIN_PASSWORD));
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		long shiftId = jdbc.sql("SELECT id FROM outreach.shifts WHERE ref = ?").param(ref).query(Long.class).single();

		var tasks = jdbc
			.sql("SELECT kind || ':' || unit_code || ':' || coalesce(municipality, '-') || ':' || (done_on IS NULL) "
					+ "FROM casework.tasks WHERE shift_id = ? ORDER BY kind")
			.param(shiftId)
			.query(String.class)
			.list();
		assertThat(tasks).containsExactly("concern_report:UNGDOMSJOUREN:0126:true",
				"contact_guardians:UNGDOMSJOUREN:-:true");
		var notices = jdbc
			.sql("SELECT municipality || ':' || exposed || '/' || buyers || '/' || other FROM region.notices "
					+ "WHERE shift_id = ? ORDER BY municipality")
			.param(shiftId)
			.query(String.class)
			.list();
		assertThat(notices).containsExactly("0115:0/1/0", "0126:2/0/0", "0162:0/1/0");

		var youthHome = http();
		youthHome.login(youth, USER_PASSWORD);
		assertThat(youthHome.get("/").body()).contains("Kontakta vårdnadshavare").contains("Gör en orosanmälan");
		var otherHome = http();
		otherHome.login(other, USER_PASSWORD);
		assertThat(otherHome.get("/").body()).doesNotContain("Kontakta vårdnadshavare");
		var coordinatorHome = http();
		coordinatorHome.login(coordinator, USER_PASSWORD);
		assertThat(coordinatorHome.get("/").body()).contains("Informera Huddinge (2 påträffade)")
			.contains("Informera Vallentuna")
			.contains("Informera Danderyd")
			.doesNotContain("Informera Stockholm");
	}

	@Test
	void shouldLetOnlyTheShiftsUnitsSeeIt() {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String kast = createUser("kastcw", List.of("CASEWORKER"), List.of("KAST"));
		String analyst = createUser("analyst", List.of("ANALYST"), List.of("MIKA"));
		var created = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"own","arena":"street","municipality":"0180","units":["MIKA"],
				 "encounters":[{"role":"exposed","gender":"female","age":24,"minor":"no","home_municipality":"0180",
				                "support_offered":true,"offered_by":"MIKA","accepted":"yes"}]}""".formatted(TODAY),
				token(mika, USER_PASSWORD));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = created.body().replaceAll("\\D+", "");

		assertThat(http().json("GET", "/api/v1/outreach/shifts/" + id, null, token(mika, USER_PASSWORD)).statusCode())
			.isEqualTo(200);
		var kastApi = http().json("GET", "/api/v1/outreach/shifts/" + id, null, token(kast, USER_PASSWORD));
		assertThat(kastApi.statusCode()).isEqualTo(404);
		assertThat(kastApi.body()).doesNotContain("female");
		var kastUi = http();
		kastUi.login(kast, USER_PASSWORD);
		assertThat(kastUi.get("/outreach/shifts/" + id).statusCode()).isEqualTo(404);
		assertThat(kastUi.get("/outreach").body()).doesNotContain("/outreach/shifts/" + id + "\"");

		String analystToken = token(analyst, USER_PASSWORD);
		assertThat(http().json("GET", "/api/v1/outreach/shifts/" + id, null, analystToken).statusCode()).isEqualTo(404);
		assertThat(http().json("GET", "/api/v1/outreach/shifts", null, analystToken).body()).isEqualTo("[]");
		var stats = http().json("GET", "/api/v1/outreach/statistics?from=" + TODAY + "&to=" + TODAY, null,
				analystToken);
		assertThat(stats.statusCode()).isEqualTo(200);
		assertThat(stats.body()).contains("\"shifts\":");
		assertThat(http()
			.json("GET", "/api/v1/outreach/statistics?from=" + TODAY + "&to=" + TODAY, null, token(mika, USER_PASSWORD))
			.statusCode()).isEqualTo(403);

		assertThat(audit().by(mika).kind("READ").subject("shift", id).count()).isEqualTo(1);
	}

	@Test
	void shouldRefuseAShiftOutsideTheRecordersUnitsAndNameBadFields() {
		String token = token(createUser("rec", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);

		var notMine = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"own","arena":"street","municipality":"0180","units":["KAST"],"encounters":[]}"""
			.formatted(TODAY), token);
		var bad = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"joint","arena":"street","municipality":"0180","units":["MIKA"],
				 "encounters":[{"role":"exposed","gender":"female","age":15,"minor":"no","home_municipality":"0180",
				                "support_offered":"yes","accepted":"no"}]}""".formatted(TODAY), token);

		assertThat(notMine.statusCode()).isEqualTo(400);
		assertThat(notMine.body()).contains("\"field\":\"units\"").contains("dina egna enheter");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"police_operation\"")
			.contains("\"field\":\"encounters[0].minor\"")
			.contains("\"field\":\"encounters[0].offered_by\"");
	}

	@Test
	void shouldSuppressSmallCountsWhenAsked() {
		String token = token(createUser("supp", List.of("COORDINATOR"), List.of()), USER_PASSWORD);
		http().multipart("/api/v1/outreach/import",
				Map.of("shifts", bytes(SHIFTS_HEADER + "supp-1;2014-05-05;;;joint;raid;hotel;0180;MIKA;\n"),
						"encounters", bytes(ENCOUNTERS_HEADER + "supp-1;exposed;female;22;no;0180;yes;MIKA;yes\n"
								+ "supp-1;exposed;female;23;no;0180;yes;MIKA;no\n")),
				token);

		var exact = http().json("GET", "/api/v1/outreach/statistics?from=2014-05-01&to=2014-05-31", null, token);
		var suppressed = http().json("GET", "/api/v1/outreach/statistics?from=2014-05-01&to=2014-05-31&suppress=true",
				null, token);

		assertThat(exact.body()).contains("\"exposed\":2").contains("\"buyers\":0");
		assertThat(suppressed.body()).contains("\"exposed\":\"<5\"")
			.contains("\"buyers\":0")
			.contains("\"shifts\":\"<5\"");
	}

	private Map<String, Object> counts() {
		return jdbc
			.sql("""
					SELECT (SELECT count(*) FROM outreach.shifts) AS shifts, (SELECT count(*) FROM outreach.encounters) AS people,
					       (SELECT count(*) FROM casework.tasks) AS tasks, (SELECT count(*) FROM region.notices) AS notices""")
			.query()
			.singleRow();
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

}
