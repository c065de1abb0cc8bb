package se.skyddsnat.support;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the one field every create answer carries: {@code {"id": 17}}. */
public final class Json {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private Json() {
	}

	/** The id in a created answer; fails the test with the body when there is none. */
	public static long id(String body) {
		Matcher m = ID.matcher(body);
		if (!m.find()) {
			throw new AssertionError("no id in " + body);
		}
		return Long.parseLong(m.group(1));
	}

	/**
	 * The id in a created answer; fails the test with the status and body when there is
	 * none.
	 */
	public static long id(HttpResponse<String> response) {
		Matcher m = ID.matcher(response.body());
		if (!m.find()) {
			throw new AssertionError("no id in " + response.statusCode() + " " + response.body());
		}
		return Long.parseLong(m.group(1));
	}

}
