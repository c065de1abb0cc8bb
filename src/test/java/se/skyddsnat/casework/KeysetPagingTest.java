package se.skyddsnat.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.IntegrationTest;

/**
 * The case list, the people list and the shift list come a page at a time (keyset, 50 by
 * default): following the next links shows every row once, newest first, and the previous
 * link leads back; a row added meanwhile moves no row to another page; one audit row per
 * page names what it shows; the pages have "Nästa" and "Föregående".
 */
class KeysetPagingTest extends IntegrationTest {

	private static final Pattern IDS = Pattern.compile("\\{\"id\":(\\d+),\"(?:unit|personalNumber)\"");

	private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

	private static final Pattern PREV = Pattern.compile("<([^>]+)>; rel=\"prev\"");

	@Test
	void shouldPageTheCasesByKeysetEachOnceNewestFirst() {
		String user = createUser("pager", List.of("CASEWORKER"), List.of("UNGDOMSJOUREN"));
		String token = token(user, USER_PASSWORD);
		long person = casework(token).person("UNGDOMSJOUREN");
		// 120 cases over 30 days, several on the same day (the id breaks the tie)
		List<Long> mine = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			mine.add(jdbc.sql("""
					INSERT INTO casework.cases (unit_code, kind, responsible, opened_on, reason, created_by)
					VALUES ('UNGDOMSJOUREN', 'youth', ?, DATE '2026-01-01' + ?, 'Stöd', ?) RETURNING id""")
				.params(user, i % 30, user)
				.query(Long.class)
				.single());
		}
		long expected = jdbc
			.sql("SELECT count(*) FROM casework.cases WHERE unit_code = 'UNGDOMSJOUREN' AND status = 'open'")
			.query(Long.class)
			.single();

		var first = http().json("GET", "/api/v1/cases", null, token);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(ids(first)).hasSize(50);
		assertThat(first.headers().firstValue("X-Next-Cursor")).isPresent();
		assertThat(first.headers().firstValue("Link").orElseThrow()).doesNotContain("rel=\"prev\"");

		// every page through the next links: each case once, newest first, one audit row
		// per page
		long auditBefore = audit().by(user).kind("READ").subject("case").count();
		var seen = new LinkedHashSet<Long>();
		List<Long> order = new ArrayList<>();
		String path = "/api/v1/cases?limit=40";
		int pages = 0;
		HttpResponse<String> page = null;
		String secondPage = null;
		while (path != null) {
			page = http().json("GET", path, null, token);
			assertThat(page.statusCode()).isEqualTo(200);
			List<Long> ids = ids(page);
			assertThat(ids.size()).isLessThanOrEqualTo(40);
			order.addAll(ids);
			assertThat(ids).allMatch(seen::add);
			pages++;
			path = link(page, NEXT);
			if (pages == 1) {
				secondPage = path;
			}
		}
		assertThat(seen).hasSize((int) expected).containsAll(mine);
		assertThat(pages).isEqualTo((int) ((expected + 39) / 40));
		assertThat(audit().by(user).kind("READ").subject("case").count() - auditBefore).isEqualTo(pages);
		List<java.time.LocalDate> days = order.stream()
			.map(id -> jdbc.sql("SELECT opened_on FROM casework.cases WHERE id = ?")
				.param(id)
				.query(java.time.LocalDate.class)
				.single())
			.toList();
		assertThat(days).isSortedAccordingTo(java.util.Comparator.reverseOrder());

		// a case opened meanwhile (newest) does not move the second page; its previous
		// link is the first page
		casework(token).openCase("UNGDOMSJOUREN", "youth", person, "2026-03-01");
		var second = http().json("GET", secondPage, null, token);
		assertThat(ids(second)).isEqualTo(order.subList(40, 80));
		var back = http().json("GET", link(second, PREV), null, token);
		assertThat(ids(back)).isEqualTo(order.subList(0, 40));

		// an unreadable cursor is bad input naming the field, never a 5xx
		var bad = http().json("GET", "/api/v1/cases?after=%21%21", null, token);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("after");

		// the page: the case list (issue 11) is sorted and filtered by the reader's
		// choice and shows the first 200
		// rows of that order, every one of them once
		var browser = http();
		browser.login(user, USER_PASSWORD);
		String html = browser.get("/cases").body();
		assertThat(html.split("<th scope=\"row\">", -1).length - 1).isEqualTo((int) Math.min(expected + 1, 200)); // and
																													// the
																													// one
																													// opened
																													// meanwhile
	}

	@Test
	void shouldPageThePeopleAndTheShifts() {
		String user = createUser("pager", List.of("CASEWORKER"), List.of("RK_BARN"));
		String token = token(user, USER_PASSWORD);
		for (int i = 0; i < 55; i++) {
			jdbc.sql("""
					INSERT INTO casework.persons (alias, gender, unit_code, search_text, created_by)
					VALUES (?, 'female', 'RK_BARN', ?, ?)""").params("Sida " + i, "sida " + i, user).update();
		}
		var people = http().json("GET", "/api/v1/people", null, token);
		assertThat(people.statusCode()).isEqualTo(200);
		assertThat(ids(people)).hasSize(50).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		var rest = http().json("GET", link(people, NEXT), null, token);
		assertThat(ids(rest)).doesNotContainAnyElementsOf(ids(people)).isNotEmpty();

		var browser = http();
		browser.login(user, USER_PASSWORD);
		assertThat(browser.get("/people").body()).contains(">Nästa<");

		var shifts = http().json("GET", "/api/v1/outreach/shifts?limit=1", null, token);
		assertThat(shifts.statusCode()).isEqualTo(200);
	}

	private static List<Long> ids(HttpResponse<String> response) {
		List<Long> ids = new ArrayList<>();
		Matcher m = IDS.matcher(response.body());
		while (m.find()) {
			ids.add(Long.parseLong(m.group(1)));
		}
		return ids;
	}

	private static String link(HttpResponse<String> response, Pattern rel) {
		Matcher m = rel.matcher(response.headers().firstValue("Link").orElse(""));
		return m.find() ? m.group(1) : null;
	}

}
