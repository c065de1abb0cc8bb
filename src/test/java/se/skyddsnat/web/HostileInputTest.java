package se.skyddsnat.web;

import static se.skyddsnat.support.Json.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * Every POST and PUT endpoint that the OpenAPI document lists gets hostile values in
 * every field (a NUL byte, a megabyte of text, dates like +999999999-12-31 and
 * 0000-01-01, numbers past 64 bits, values of the wrong type, an absent or broken body),
 * one field at a time, the other fields valid, as a user with the right role and with ids
 * that exist. No answer may be a 5xx, every refusal is problem+json, and a refused
 * request leaves every table as it was (nothing half-written). An endpoint added without
 * a valid example here fails the test.
 */
class HostileInputTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String RAW = "__raw__";

	/**
	 * The hostile values for a JSON field; a string starting with RAW is inserted as raw
	 * JSON.
	 */
	private static final List<Object> VALUES = List.of("a\u0000b", "x".repeat(1_000_000), "+999999999-12-31",
			"0000-01-01", "-999999999-01-01", RAW + "9223372036854775808", RAW + "-2147483649", RAW + "1e400",
			RAW + "-1", Map.of(), List.of(), true, 12345, "", RAW + "null", "\u202E\uD800");

	/** Whole bodies: absent, empty, not an object, not JSON, too deep. */
	private static final List<String> BODIES = List.of("", "null", "[]", "{", "\"text\"", "[".repeat(5000),
			"{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}");

	/** Query parameters. */
	private static final List<String> PARAMETERS = List.of("a%00b", "abc", "99999999999999999999", "-1", "",
			"%2B999999999-12-31");

	/** A CSV file's content (import, population). */
	private static final List<byte[]> FILES = List.of(new byte[] { 0 }, "x".repeat(1_000_000).getBytes(),
			new byte[] { 'a', ';', 'b', '\n', (byte) 0xFF, (byte) 0xFE }, new byte[0], "\"".getBytes(),
			"code;population\n0180;9223372036854775808\n0\u00000;-1\n".getBytes(StandardCharsets.UTF_8),
			("ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes\n"
					+ "h\u0000;+999999999-12-31;25:99;;own;;street;0180;MIKA|X\u0000;n\n")
				.getBytes(StandardCharsets.UTF_8));

	@Autowired
	Clock clock;

	private record Operation(String method, String template) {
		String key() {
			return method + " " + template;
		}
	}

	/**
	 * A valid request: the concrete path, the caller's token, and the body (JSON text, or
	 * files).
	 */
	private record Example(String path, String token, String json, Map<String, byte[]> files, byte[] csv) {
		static Example json(String path, String token, String json) {
			return new Example(path, token, json, null, null);
		}
	}

	@Test
	void shouldAnswerEveryHostileValueInEveryFieldOfEveryEndpointWithoutA5xxOrAHalfWrite() {
		Map<String, Example> examples = examples();
		Map<Operation, Set<String>> operations = operations();
		var missing = operations.keySet().stream().map(Operation::key).filter(k -> !examples.containsKey(k)).toList();
		assertThat(missing).as("POST/PUT endpoints without a valid example in this test").isEmpty();

		var failures = new ArrayList<String>();
		int requests = 0;
		for (var operation : operations.entrySet()) {
			Example example = examples.get(operation.getKey().key());
			String method = operation.getKey().method();
			if (operation.getKey().template().equals("/api/v1/tokens")) {
				checkValid(failures, operation.getKey(), example);
			}
			if (example.files() != null) {
				for (String part : example.files().keySet()) {
					for (byte[] content : FILES) {
						var files = new LinkedHashMap<>(example.files());
						files.put(part, content);
						requests++;
						check(failures, operation.getKey(), part,
								() -> http().multipart(example.path(), files, example.token()));
					}
					var without = new LinkedHashMap<>(example.files());
					without.remove(part);
					check(failures, operation.getKey(), part + " (absent)",
							() -> http().multipart(example.path(), without, example.token()));
				}
			}
			else if (example.csv() != null) {
				for (byte[] content : FILES) {
					requests++;
					check(failures, operation.getKey(), "body",
							() -> http().body(method, example.path(), "text/csv", content, example.token()));
				}
			}
			else {
				Map<String, Object> valid = parse(example.json());
				for (String field : fields(operation.getValue(), valid)) {
					for (Object value : VALUES) {
						if (operation.getKey().template().equals("/api/v1/tokens") && value instanceof String s
								&& !se.skyddsnat.shared.Input.safe(s)) {
							// credentials with a control character are the login's own to
							// refuse (and to audit as a
							// failed login): InputGuard leaves /api/v1/tokens alone, and
							// the login's tests cover it
							continue;
						}
						String body = with(valid, field, value);
						requests++;
						check(failures, operation.getKey(), field + "=" + describe(value),
								() -> send(method, example.path(), body, example.token()));
					}
				}
				for (String body : BODIES) {
					requests++;
					check(failures, operation.getKey(), "body " + describe(body),
							() -> send(method, example.path(), body, example.token()));
				}
				requests++;
				check(failures, operation.getKey(), "no body",
						() -> send(method, example.path(), null, example.token()));
			}
			// last, the valid example itself: it must be accepted (or a harmless variant
			// already was), so that every
			// refusal above was the hostile value's doing and not a broken fixture's (the
			// login was checked first:
			// the hostile passwords have locked its account by now, as they should)
			if (!operation.getKey().template().equals("/api/v1/tokens")) {
				checkValid(failures, operation.getKey(), example);
			}
			for (String parameter : queryParameters(example.path())) {
				for (String value : PARAMETERS) {
					String path = example.path().replaceAll("([?&]" + parameter + "=)[^&]*", "$1" + value);
					requests++;
					check(failures, operation.getKey(), "?" + parameter + "=" + value,
							() -> example.files() != null ? http().multipart(path, example.files(), example.token())
									: example.csv() != null
											? http().body(method, path, "text/csv", example.csv(), example.token())
											: send(method, path, example.json(), example.token()));
				}
			}
		}
		assertThat(failures).as("of " + requests + " hostile requests").isEmpty();
		assertThat(requests).isGreaterThan(1000);
	}

	// ------------------------------------------------------------------------------------------
	// checking

	private void checkValid(List<String> failures, Operation operation, Example example) {
		boolean before = accepted.contains(operation);
		var valid = example.files() != null ? http().multipart(example.path(), example.files(), example.token())
				: example.csv() != null
						? http().body(operation.method(), example.path(), "text/csv", example.csv(), example.token())
						: send(operation.method(), example.path(), example.json(), example.token());
		if (valid.statusCode() >= 300 && !before) {
			failures.add(operation.key() + " valid example: " + valid.statusCode() + " " + shorten(valid.body()));
		}
	}

	private void check(List<String> failures, Operation operation, String what,
			java.util.function.Supplier<HttpResponse<String>> request) {
		Map<String, String> before = snapshot();
		HttpResponse<String> response;
		try {
			response = request.get();
		}
		catch (RuntimeException e) {
			failures.add(operation.key() + " " + what + ": no answer (" + e + ")");
			return;
		}
		int status = response.statusCode();
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (status < 300) {
			accepted.add(operation);
		}
		if (status >= 500) {
			failures.add(operation.key() + " " + what + ": " + status + " " + shorten(response.body()));
		}
		else if ((status == 401 || status == 403) && !operation.template().equals("/api/v1/tokens")) {
			// the caller has the role and the ids exist: a refusal of access means the
			// test did not test the value
			failures.add(operation.key() + " " + what + ": " + status + " (the test's caller should be allowed)");
		}
		else if (status >= 400 && !type.startsWith("application/problem+json")) {
			failures.add(operation.key() + " " + what + ": " + status + " as " + type);
		}
		else if (status >= 400 && !operation.template().equals("/api/v1/tokens")) {
			// a refused login is recorded on the account by design; anything else refused
			// writes nothing
			Map<String, String> after = snapshot();
			before.forEach((table, hash) -> {
				if (!hash.equals(after.get(table))) {
					failures
						.add(operation.key() + " " + what + ": refused with " + status + " but " + table + " changed");
				}
			});
		}
	}

	/**
	 * The operations that accepted a request (a hostile value that is harmless, or the
	 * valid example).
	 */
	private final Set<Operation> accepted = new java.util.HashSet<>();

	private List<String> tables;

	/**
	 * A hash of every row of every table of the modules (the audit log and API tokens
	 * aside).
	 */
	private Map<String, String> snapshot() {
		if (tables == null) {
			tables = jdbc.sql("""
					SELECT table_schema || '.' || table_name FROM information_schema.tables
					 WHERE table_type = 'BASE TABLE' AND table_schema IN ('identity', 'casework', 'outreach', 'region')
					   AND NOT (table_schema = 'identity' AND table_name = 'api_tokens')
					 ORDER BY 1""").query(String.class).list();
		}
		var sql = new StringBuilder();
		for (String table : tables) {
			sql.append(sql.isEmpty() ? "" : " UNION ALL ")
				.append("SELECT '")
				.append(table)
				.append("', md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ")
				.append(table)
				.append(" t");
		}
		var hashes = new LinkedHashMap<String, String>();
		jdbc.sql(sql.toString()).query(rs -> {
			hashes.put(rs.getString(1), rs.getString(2));
		});
		return hashes;
	}

	private HttpResponse<String> send(String method, String path, String json, String token) {
		var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "application/json, application/problem+json");
		if (json != null) {
			builder.header("Content-Type", "application/json");
		}
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		builder.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		return http().send(builder.build());
	}

	// ------------------------------------------------------------------------------------------
	// the document

	/** Every POST and PUT under /api with the fields its body schema lists. */
	@SuppressWarnings("unchecked")
	private Map<Operation, Set<String>> operations() {
		var docs = http().json("GET", "/v3/api-docs", null, null);
		assertThat(docs.statusCode()).isEqualTo(200);
		Map<String, Object> document = parse(docs.body());
		Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
			.getOrDefault("schemas", Map.of());
		var operations = new LinkedHashMap<Operation, Set<String>>();
		((Map<String, Object>) document.get("paths")).forEach((template, item) -> {
			((Map<String, Object>) item).forEach((method, spec) -> {
				if (!method.equals("post") && !method.equals("put")) {
					return;
				}
				var fields = new LinkedHashSet<String>();
				Object body = ((Map<String, Object>) spec).get("requestBody");
				if (body instanceof Map<?, ?> b && b.get("content") instanceof Map<?, ?> content) {
					for (Object media : content.values()) {
						if (((Map<String, Object>) media).get("schema") instanceof Map<?, ?> schema) {
							fields.addAll(properties((Map<String, Object>) schema, schemas, "", 0));
						}
					}
				}
				operations.put(new Operation(method.toUpperCase(), template), fields);
			});
		});
		assertThat(operations).hasSizeGreaterThan(25);
		return operations;
	}

	/**
	 * The fields of a schema: its properties, and those of the first element of an array
	 * of objects.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> properties(Map<String, Object> schema, Map<String, Object> schemas, String prefix,
			int depth) {
		if (schema.get("$ref") instanceof String ref) {
			schema = (Map<String, Object>) schemas.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), Map.of());
		}
		var fields = new ArrayList<String>();
		if (!(schema.get("properties") instanceof Map<?, ?> properties) || depth > 1) {
			return fields;
		}
		((Map<String, Object>) properties).forEach((name, property) -> {
			fields.add(prefix + name);
			var p = (Map<String, Object>) property;
			if ("array".equals(p.get("type")) && p.get("items") instanceof Map<?, ?> items) {
				fields.add(prefix + name + "[0]");
				fields.addAll(properties((Map<String, Object>) items, schemas, prefix + name + "[0].", depth + 1));
			}
		});
		return fields;
	}

	/**
	 * The fields to attack: the document's, and those of the example (a body the document
	 * does not describe).
	 */
	@SuppressWarnings("unchecked")
	private static Set<String> fields(Set<String> documented, Map<String, Object> example) {
		var fields = new LinkedHashSet<>(documented);
		example.forEach((name, value) -> {
			fields.add(name);
			if (value instanceof List<?> list && !list.isEmpty()) {
				fields.add(name + "[0]");
				if (list.getFirst() instanceof Map<?, ?> first) {
					((Map<String, Object>) first).keySet().forEach(k -> fields.add(name + "[0]." + k));
				}
			}
		});
		return fields;
	}

	private static List<String> queryParameters(String path) {
		int q = path.indexOf('?');
		if (q < 0) {
			return List.of();
		}
		return java.util.Arrays.stream(path.substring(q + 1).split("&"))
			.map(p -> p.substring(0, p.indexOf('=')))
			.toList();
	}

	// ------------------------------------------------------------------------------------------
	// bodies

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String json) {
		return JSON.readValue(json, Map.class);
	}

	/** The example with one field (a.b, a[0], a[0].b) set to the hostile value. */
	@SuppressWarnings("unchecked")
	private static String with(Map<String, Object> example, String field, Object value) {
		Map<String, Object> body = (Map<String, Object>) JSON.readValue(JSON.writeValueAsString(example), Map.class);
		Object placed = value instanceof String s && s.startsWith(RAW) ? RAW : value;
		Map<String, Object> target = body;
		String name = field;
		if (field.contains("[0]")) {
			String list = field.substring(0, field.indexOf("[0]"));
			String rest = field.substring(field.indexOf("[0]") + 3);
			Object current = body.get(list);
			var items = current instanceof List<?> l ? new ArrayList<Object>(l) : new ArrayList<Object>();
			if (rest.isEmpty()) {
				if (items.isEmpty()) {
					items.add(placed);
				}
				else {
					items.set(0, placed);
				}
				body.put(list, items);
				return raw(body, value);
			}
			Map<String, Object> first = items.isEmpty() || !(items.getFirst() instanceof Map<?, ?>)
					? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) items.getFirst());
			if (items.isEmpty()) {
				items.add(first);
			}
			else {
				items.set(0, first);
			}
			body.put(list, items);
			target = first;
			name = rest.substring(1);
		}
		target.put(name, placed);
		return raw(body, value);
	}

	private static String raw(Map<String, Object> body, Object value) {
		String json = JSON.writeValueAsString(body);
		return value instanceof String s && s.startsWith(RAW)
				? json.replace("\"" + RAW + "\"", s.substring(RAW.length())) : json;
	}

	private static String describe(Object value) {
		String s = String.valueOf(value);
		return s.length() > 30 ? s.substring(0, 12) + "…(" + s.length() + " characters)" : s.replace("\u0000", "\\0");
	}

	private static String shorten(String body) {
		return body.length() > 300 ? body.substring(0, 300) + "…" : body;
	}

	// ------------------------------------------------------------------------------------------
	// the fixture

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** A made-up personnummer with a valid check digit. */
	private static String personnummer() {
		var random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 40));
		String nine = String.format("%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(),
				birth.getDayOfMonth(), random.nextInt(1000));
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
			sum += d > 9 ? d - 9 : d;
		}
		String ten = nine + (10 - sum % 10) % 10;
		return birth.getYear() / 100 + ten.substring(0, 6) + "-" + ten.substring(6);
	}

	private long post(String path, String json, String token) {
		var response = http().json("POST", path, json, token);
		if (response.statusCode() >= 300) {
			throw new AssertionError(path + ": " + response.statusCode() + " " + response.body());
		}
		return id(response.body());
	}

	/** A valid request for every POST and PUT, on records made here. */
	private Map<String, Example> examples() {
		LocalDate today = LocalDate.now(clock);
		Function<Integer, String> daysAgo = n -> today.minusDays(n).toString();
		String boss = createUser("hostile", List.of("CASEWORKER", "MANAGER", "COORDINATOR", "ADMIN"),
				List.of("MIKA", "STODCENTRUM"));
		// a unit of its own receives the referrals and holds the person of the emergency
		// access, so that nothing
		// made here shows on another test's start page (all tests share one database)
		String unit = "HOSTILE_" + suffix().toUpperCase().replaceAll("[^A-Z0-9]", "X");
		Http admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		admin.get("/admin/units");
		assertThat(admin.post("/admin/units", Map.of("code", unit, "name", "Mottagare " + unit)).statusCode())
			.isEqualTo(302);
		String receiver = createUser("hostilerecv", List.of("CASEWORKER", "MANAGER"), List.of(unit));
		String token = token(boss, USER_PASSWORD);
		String receiverToken = token(receiver, USER_PASSWORD);

		long person = post("/api/v1/people",
				"{\"alias\":\"Hostile " + suffix() + "\",\"gender\":\"female\",\"unit\":\"MIKA\"}", token);
		long caseId = post("/api/v1/cases",
				"""
						{"unit":"MIKA","kind":"trafficking","openedOn":"%s","reason":"Hostile","people":[{"personId":%d,"role":"exposed"}]}"""
					.formatted(daysAgo.apply(60), person),
				token);
		long young = post("/api/v1/people", "{\"alias\":\"Ung " + suffix() + "\",\"gender\":\"female\",\"birthYear\":\""
				+ (today.getYear() - 15) + "\",\"unit\":\"STODCENTRUM\"}", token);
		long stodcentrum = post("/api/v1/cases",
				"""
						{"unit":"STODCENTRUM","kind":"stodcentrum_support","openedOn":"%s","reason":"Stöd","people":[{"personId":%d,"role":"exposed"}]}"""
					.formatted(daysAgo.apply(60), young),
				token);
		for (int i = 0; i < 5; i++) {
			post("/api/v1/cases/" + stodcentrum + "/journal",
					"""
							{"date":"%s","kind":"support_talk","channel":"in_person","minutes":45,"note":"Samtal","satisfaction":4,"sign":true}"""
						.formatted(daysAgo.apply(50 - i)),
					token);
		}
		// one draft per author and case: the PUT and the signing each get a case of their
		// own
		String openCase = """
				{"unit":"MIKA","kind":"mika_support","openedOn":"%s","reason":"Hostile","people":[{"personId":%d,"role":"exposed"}]}"""
			.formatted(daysAgo.apply(60), person);
		long putCase = post("/api/v1/cases", openCase, token);
		long signCase = post("/api/v1/cases", openCase, token);
		long draft = post("/api/v1/cases/" + putCase + "/journal",
				"{\"date\":\"" + daysAgo.apply(3) + "\",\"kind\":\"counselling\",\"note\":\"Utkast\"}", token);
		long toSign = post("/api/v1/cases/" + signCase + "/journal",
				"{\"date\":\"" + daysAgo.apply(3)
						+ "\",\"kind\":\"counselling\",\"channel\":\"phone\",\"minutes\":20,\"note\":\"Att signera\"}",
				token);
		long toSend = post("/api/v1/cases/" + caseId + "/referrals",
				"{\"targetKind\":\"unit\",\"unit\":\"" + unit + "\",\"summary\":\"Överlämning\"}", token);
		long toAccept = post("/api/v1/cases/" + caseId + "/referrals",
				"{\"targetKind\":\"unit\",\"unit\":\"" + unit + "\",\"summary\":\"Överlämning\"}", token);
		long toDecline = post("/api/v1/cases/" + caseId + "/referrals",
				"{\"targetKind\":\"unit\",\"unit\":\"" + unit + "\",\"summary\":\"Överlämning\"}", token);
		long toClose = post("/api/v1/cases/" + caseId + "/referrals",
				"{\"targetKind\":\"unit\",\"unit\":\"" + unit + "\",\"summary\":\"Överlämning\"}", token);
		long toRevoke = post("/api/v1/cases/" + caseId + "/referrals",
				"{\"targetKind\":\"unit\",\"unit\":\"" + unit + "\",\"summary\":\"Överlämning\"}", token);
		http().json("POST", "/api/v1/referrals/" + toAccept + "/send", "{}", token);
		http().json("POST", "/api/v1/referrals/" + toDecline + "/send", "{}", token);
		http().json("POST", "/api/v1/referrals/" + toRevoke + "/send", "{}", token);
		http().json("POST", "/api/v1/referrals/" + toRevoke + "/accept", null, receiverToken);
		// a child met on a shift of the unit of its own: its tasks are the unit's, on
		// nobody else's start page
		post("/api/v1/outreach/shifts", """
				{"date":"%s","kind":"own","arena":"street","municipality":"0180","units":["%s"],
				 "encounters":[{"role":"exposed","gender":"female","age":16,"minor":"yes","home_municipality":"0180",
				 "support_offered":"yes","offered_by":"%s","accepted":"unknown"}]}""".formatted(daysAgo.apply(1), unit,
				unit), receiverToken);
		long task = jdbc.sql("SELECT id FROM casework.tasks WHERE unit_code = ? ORDER BY id LIMIT 1")
			.param(unit)
			.query(Long.class)
			.single();
		String track = "/api/v1/cases/" + caseId + "/track";
		long housing = post(track + "/housing", "{\"from\":\"" + daysAgo.apply(40) + "\",\"provider\":\"Boende\"}",
				token);
		long permit = post(track + "/permits",
				"{\"kind\":\"temporary_permit\",\"appliedOn\":\"" + daysAgo.apply(40) + "\"}", token);
		long planned = post(track + "/returns", "{\"appliedOn\":\"" + daysAgo.apply(40) + "\"}", token);
		long returned = post(track + "/returns",
				"{\"appliedOn\":\"" + daysAgo.apply(40) + "\",\"returnDate\":\"" + daysAgo.apply(20) + "\"}", token);
		// an emergency access by the boss to a person of that unit, for its manager to
		// review
		String number = personnummer();
		post("/api/v1/people", "{\"personalNumber\":\"" + number + "\",\"name\":\"Nöd Person\",\"gender\":\"male\","
				+ "\"unit\":\"" + unit + "\"}", receiverToken);
		Http browser = http();
		browser.login(boss, USER_PASSWORD);
		browser.get("/emergency");
		browser.post("/emergency", Map.of("personalNumber", number, "reason", "Akut behov av uppgifter i natt"));
		long grant = jdbc.sql("SELECT id FROM casework.emergency_access WHERE username = ? ORDER BY id DESC LIMIT 1")
			.param(boss)
			.query(Long.class)
			.single();

		String shifts = "ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes\n"
				+ "hostile-" + suffix() + ";" + daysAgo.apply(100) + ";21:00;23:00;own;;street;0180;MIKA;\n";
		String encounters = "shift_ref;role;gender;age;minor;home_municipality;support_offered;offered_by;accepted\n";

		var e = new LinkedHashMap<String, Example>();
		// its own user: the hostile passwords lock the account, as six wrong passwords
		// should
		String login = createUser("hostilelogin", List.of("ANALYST"), List.of());
		e.put("POST /api/v1/tokens", Example.json("/api/v1/tokens", null,
				"{\"username\":\"" + login + "\",\"password\":\"" + USER_PASSWORD + "\"}"));
		e.put("POST /api/v1/users", Example.json("/api/v1/users", token, """
				{"username":"h-%s","displayName":"Hostile","password":"%s","roles":["CASEWORKER"],"units":["MIKA"]}"""
			.formatted(suffix(), USER_PASSWORD)));
		e.put("POST /api/v1/people", Example.json("/api/v1/people", token, """
				{"personalNumber":"","name":"","alias":"H %s","birthYear":"1990","ageBand":"26-35","gender":"female",
				 "phone":"08-123","email":"a@b.se","address":"Gatan 1","protection":"none","homeMunicipality":"0180",
				 "unit":"MIKA","confirmDuplicate":true}""".formatted(suffix())));
		e.put("POST /api/v1/people/search", Example.json("/api/v1/people/search", token, "{\"q\":\"Hostile\"}"));
		e.put("POST /api/v1/cases", Example.json("/api/v1/cases", token, """
				{"unit":"MIKA","kind":"trafficking","openedOn":"%s","reason":"Skäl","responsible":"%s",
				 "people":[{"personId":%d,"role":"exposed"}],"encounterId":null}""".formatted(daysAgo.apply(1), boss,
				person)));
		e.put("POST /api/v1/cases/{caseId}/journal",
				Example.json("/api/v1/cases/" + caseId + "/journal", token,
						"""
								{"date":"%s","kind":"counselling","channel":"phone","minutes":30,"note":"Anteckning","satisfaction":null,
								 "closeRelationsViolence":null,"correctsId":null,"sign":false}"""
							.formatted(daysAgo.apply(2))));
		e.put("PUT /api/v1/cases/{caseId}/journal/{entryId}",
				Example.json("/api/v1/cases/" + putCase + "/journal/" + draft, token,
						"""
								{"date":"%s","kind":"counselling","channel":"phone","minutes":30,"note":"Anteckning","sign":false}"""
							.formatted(daysAgo.apply(2))));
		e.put("POST /api/v1/cases/{caseId}/journal/{entryId}/sign",
				Example.json("/api/v1/cases/" + signCase + "/journal/" + toSign + "/sign", token, "{}"));
		e.put("POST /api/v1/cases/{caseId}/stodcentrum/choice", Example.json(
				"/api/v1/cases/" + stodcentrum + "/stodcentrum/choice", token,
				"{\"choice\":\"continue\",\"reason\":\"Behöver mer stöd\"," + "\"closedOn\":null,\"outcome\":null}"));
		e.put("POST /api/v1/cases/{caseId}/referrals", Example.json("/api/v1/cases/" + caseId + "/referrals", token, """
				{"targetKind":"unit","unit":"%s","municipality":null,"recipientName":null,"summary":"Sammanfattning",
				 "personIds":[%d]}""".formatted(unit, person)));
		e.put("POST /api/v1/referrals/{id}/send", Example.json("/api/v1/referrals/" + toSend + "/send", token,
				"{\"summary\":\"Sammanfattning\",\"overrideReason\":null}"));
		e.put("POST /api/v1/referrals/{id}/accept",
				Example.json("/api/v1/referrals/" + toAccept + "/accept", receiverToken, "{}"));
		e.put("POST /api/v1/referrals/{id}/decline", Example.json("/api/v1/referrals/" + toDecline + "/decline",
				receiverToken, "{\"reason\":\"Inte vår målgrupp\"}"));
		e.put("POST /api/v1/referrals/{id}/close",
				Example.json("/api/v1/referrals/" + toClose + "/close", token, "{\"note\":\"Återkallad\"}"));
		e.put("POST /api/v1/referrals/{id}/revoke", Example.json("/api/v1/referrals/" + toRevoke + "/revoke", token,
				"{\"reason\":\"Överlämnad av misstag\"}"));
		e.put("POST /api/v1/tasks/{id}/done", Example.json("/api/v1/tasks/" + task + "/done", receiverToken,
				"{\"doneOn\":\"" + daysAgo.apply(0) + "\",\"doneTo\":\"Vårdnadshavare per telefon\"}"));
		e.put("POST /api/v1/cases/{caseId}/consents", Example.json("/api/v1/cases/" + caseId + "/consents", token, """
				{"personId":%d,"kind":"written","givenOn":"%s","scope":"Till socialtjänsten"}""".formatted(person,
				daysAgo.apply(1))));
		e.put("POST /api/v1/cases/{caseId}/track/housing", Example.json(track + "/housing", token,
				"{\"from\":\"" + daysAgo.apply(10) + "\",\"to\":null,\"provider\":\"Boende\"}"));
		e.put("POST /api/v1/cases/{caseId}/track/housing/{housingId}/end",
				Example.json(track + "/housing/" + housing + "/end", token, "{\"to\":\"" + daysAgo.apply(5) + "\"}"));
		e.put("POST /api/v1/cases/{caseId}/track/permits", Example.json(track + "/permits", token, """
				{"kind":"reflection_period","appliedOn":"%s","decision":null,"decidedOn":null,"validUntil":null}"""
			.formatted(daysAgo.apply(10))));
		e.put("POST /api/v1/cases/{caseId}/track/permits/{permitId}/decision",
				Example.json(track + "/permits/" + permit + "/decision", token,
						"{\"decision\":\"granted\",\"decidedOn\":\"" + daysAgo.apply(5) + "\",\"validUntil\":\""
								+ today.plusMonths(6) + "\"}"));
		e.put("POST /api/v1/cases/{caseId}/track/contacts", Example.json(track + "/contacts", token,
				"{\"date\":\"" + daysAgo.apply(5) + "\",\"kind\":\"police_interview\",\"note\":\"Förhör\"}"));
		e.put("POST /api/v1/cases/{caseId}/track/returns", Example.json(track + "/returns", token,
				"{\"appliedOn\":\"" + daysAgo.apply(5) + "\",\"returnDate\":null}"));
		e.put("POST /api/v1/cases/{caseId}/track/returns/{returnId}/return", Example
			.json(track + "/returns/" + planned + "/return", token, "{\"returnDate\":\"" + daysAgo.apply(2) + "\"}"));
		e.put("POST /api/v1/cases/{caseId}/track/returns/{returnId}/follow-up",
				Example.json(track + "/returns/" + returned + "/follow-up", token,
						"{\"followUpDoneOn\":\"" + daysAgo.apply(1) + "\"}"));
		e.put("POST /api/v1/cases/{caseId}/track/home-links", Example.json(track + "/home-links", token,
				"{\"municipality\":\"0180\",\"contactedOn\":\"" + daysAgo.apply(1) + "\",\"note\":\"Kontakt\"}"));
		e.put("POST /api/v1/casework/review/emergency/{id}/reviewed", Example.json(
				"/api/v1/casework/review/emergency/" + grant + "/reviewed", receiverToken, "{\"note\":\"Granskad\"}"));
		e.put("POST /api/v1/outreach/shifts", Example.json("/api/v1/outreach/shifts", token, """
				{"date":"%s","start_time":"21:00","end_time":"23:30","kind":"joint","police_operation":"raid",
				 "arena":"apartment","municipality":"0180","units":["MIKA"],"notes":"Lugnt",
				 "encounters":[{"role":"exposed","gender":"female","age":30,"minor":"no","home_municipality":"0180",
				                "support_offered":true,"offered_by":"MIKA","accepted":"unknown"}]}"""
			.formatted(daysAgo.apply(1))));
		e.put("POST /api/v1/outreach/import",
				new Example("/api/v1/outreach/import?dryRun=false", token, null,
						Map.of("shifts", shifts.getBytes(StandardCharsets.UTF_8), "encounters",
								encounters.getBytes(StandardCharsets.UTF_8)),
						null));
		e.put("POST /api/v1/region/population", new Example("/api/v1/region/population?year=2020", token, null, null,
				"code;population\n0180;984748\n".getBytes(StandardCharsets.UTF_8)));
		e.put("POST /api/v1/region/consultations", Example.json("/api/v1/region/consultations", token, """
				{"date":"%s","municipality":"0126","unit":"MIKA","channel":"phone","topic":"minor","minutes":20}"""
			.formatted(daysAgo.apply(1))));
		var course = http().json("POST", "/api/v1/training/courses",
				"{\"title\":\"Grundkurs\",\"description\":\"Om människohandel\",\"audience\":\"city_staff\"}", token);
		long courseId = id(course);
		e.put("POST /api/v1/training/courses", Example.json("/api/v1/training/courses", token,
				"{\"title\":\"Fördjupning\",\"description\":\"Om sugardejting\",\"audience\":\"professionals\"}"));
		e.put("POST /api/v1/training/sessions", Example.json("/api/v1/training/sessions", token, """
				{"courseId":"%s","format":"physical","startsAt":"%sT09:00","endsAt":"%sT12:00","place":"Stadshuset",
				 "capacity":"30","bookingOpens":"%s","bookingCloses":"%s",
				 "quotas":[{"municipality":"0126","seats":"2"}]}""".formatted(courseId, today.plusDays(30),
				today.plusDays(30), today, today.plusDays(20))));
		// corrections: a person to correct, cases to close, reopen and hand over, a
		// consent, shifts to void
		long toCorrect = post("/api/v1/people",
				"{\"alias\":\"Rätta " + suffix() + "\",\"gender\":\"female\",\"unit\":\"MIKA\"}", token);
		e.put("PUT /api/v1/people/{id}", Example.json("/api/v1/people/" + toCorrect, token, """
				{"personalNumber":"","name":"","alias":"R %s","birthYear":"1990","ageBand":"26-35","gender":"female",
				 "phone":"08-123","email":"a@b.se","address":"Gatan 1","protection":"none","homeMunicipality":"0180",
				 "version":"0","confirmDuplicate":true}""".formatted(suffix())));
		long toClose2 = post("/api/v1/cases", openCase, token);
		long toReopen = post("/api/v1/cases", openCase, token);
		http().json("POST", "/api/v1/cases/" + toReopen + "/close",
				"{\"closedOn\":\"" + daysAgo.apply(1) + "\",\"outcome\":\"other\"}", token);
		long toHandOver = post("/api/v1/cases", openCase, token);
		e.put("POST /api/v1/cases/{id}/close", Example.json("/api/v1/cases/" + toClose2 + "/close", token,
				"{\"closedOn\":\"" + daysAgo.apply(1) + "\",\"outcome\":\"other\",\"reason\":\"Klart\"}"));
		e.put("POST /api/v1/cases/{id}/reopen",
				Example.json("/api/v1/cases/" + toReopen + "/reopen", token, "{\"reason\":\"Hörde av sig igen\"}"));
		e.put("POST /api/v1/cases/{id}/responsible", Example.json("/api/v1/cases/" + toHandOver + "/responsible", token,
				"{\"responsible\":\"kollega\",\"reason\":\"Byte\"}"));
		long consent = post("/api/v1/cases/" + caseId + "/consents", "{\"personId\":" + person
				+ ",\"kind\":\"oral\",\"givenOn\":\"" + daysAgo.apply(2) + "\",\"scope\":\"Kommunen\"}", token);
		e.put("POST /api/v1/cases/{caseId}/consents/{id}/withdraw",
				Example.json("/api/v1/cases/" + caseId + "/consents/" + consent + "/withdraw", token,
						"{\"reason\":\"Ångrade sig\"}"));
		e.put("POST /api/v1/casework/review/emergency/{id}/end",
				Example.json("/api/v1/casework/review/emergency/" + grant + "/end", receiverToken, "{}"));
		String mistake = """
				{"date":"%s","kind":"own","arena":"street","municipality":"0180","units":["MIKA"],
				 "encounters":[{"role":"exposed","gender":"female","age":30,"minor":"no","home_municipality":"0180",
				                "support_offered":true,"offered_by":"MIKA","accepted":"unknown"}]}"""
			.formatted(daysAgo.apply(2));
		long toVoid = post("/api/v1/outreach/shifts", mistake, token);
		long withEncounter = post("/api/v1/outreach/shifts", mistake, token);
		long encounter = jdbc.sql("SELECT id FROM outreach.encounters WHERE shift_id = ?")
			.param(withEncounter)
			.query(Long.class)
			.single();
		e.put("POST /api/v1/outreach/shifts/{id}/void", Example.json("/api/v1/outreach/shifts/" + toVoid + "/void",
				token, "{\"reason\":\"Registrerat av misstag\"}"));
		e.put("POST /api/v1/outreach/encounters/{id}/void",
				Example.json("/api/v1/outreach/encounters/" + encounter + "/void", token, "{\"reason\":\"Dubblett\"}"));
		return e;
	}

	@SuppressWarnings("unused")
	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
