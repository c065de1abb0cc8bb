package se.skyddsnat.support;

import se.skyddsnat.casework.Numbers;

/**
 * Making the people and cases a test needs through the API, as one user (a bearer token).
 */
public record Casework(Http http, String token) {

	/** An anonymous person (an alias) of the unit. */
	public long person(String unit) {
		return Json.id(http.json("POST", "/api/v1/people", """
				{"alias":"Alias-%s","birthYear":"1990","gender":"female","unit":"%s"}""".formatted(Numbers.suffix(),
				unit), token));
	}

	/** A case of the kind for a new anonymous person, opened on 2026-01-05. */
	public long openCase(String unit, String kind) {
		return openCase(unit, kind, person(unit), "2026-01-05");
	}

	/** A case of the kind with the person as the exposed person. */
	public long openCase(String unit, String kind, long person, String openedOn) {
		return Json.id(http.json("POST", "/api/v1/cases", """
				{"unit":"%s","kind":"%s","openedOn":"%s","reason":"Stöd","people":[{"personId":%d,"role":"exposed"}]}"""
			.formatted(unit, kind, openedOn, person), token));
	}

}
