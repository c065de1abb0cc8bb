package se.skyddsnat.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code Idempotency-Key} header of an API request that creates something, as a
 * controller parameter. The same key from the same user for the same operation gets the
 * first response's status, Location and body instead of a second record — also when the
 * two requests run at the same time (the second waits for the first). The key is bound to
 * its user: another user's key is just a new key. Sent again with a different body it is
 * refused (422). Without the header the request is carried out as it comes. <pre>
 * return key.once("shift.record", body, () -> ResponseEntity.created(location).body(new Created(id)));
 * </pre>
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class IdempotencyKey {

	/**
	 * The request header (draft-ietf-httpapi-idempotency-key-header); a repeat's answer
	 * carries {@link #REPLAYED}.
	 */
	public static final String HEADER = "Idempotency-Key";

	public static final String REPLAYED = "Idempotent-Replayed";
	static final int MAX_LENGTH = 255;

	private final RequestKeys keys;

	private final JsonMapper json;

	private final String user;

	private final String key;

	private final HttpServletRequest request;

	/**
	 * Creates once: {@code work}'s response (2xx) is kept — status, Location and body —
	 * and given again to a repeat. Only for bodies without personal data (ids, a state);
	 * see the other {@code once} for the rest.
	 */
	public <T> ResponseEntity<T> once(String operation, Object requestBody, Supplier<ResponseEntity<T>> work) {
		return run(operation, requestBody, work, true, null);
	}

	/**
	 * Creates once, for a response whose body holds personal data: only its status and
	 * Location are kept, and a repeat's body is read again from the Location by
	 * {@code readAgain} (through the service: access and audit).
	 */
	public <T> ResponseEntity<T> once(String operation, Object requestBody, Supplier<ResponseEntity<T>> work,
			Function<URI, T> readAgain) {
		return run(operation, requestBody, work, false, readAgain);
	}

	private <T> ResponseEntity<T> run(String operation, Object requestBody, Supplier<ResponseEntity<T>> work,
			boolean keepBody, Function<URI, T> readAgain) {
		if (user == null || key == null) {
			return work.get();
		}
		return keys.once(user, RequestKeys.operation(operation, request), key, fingerprint(requestBody), () -> {
			ResponseEntity<T> response = work.get();
			if (!response.getStatusCode().is2xxSuccessful()) {
				return new RequestKeys.Done<>(response, null);
			}
			URI location = response.getHeaders().getLocation();
			return new RequestKeys.Done<>(response, new RequestKeys.Answer(response.getStatusCode().value(),
					location == null ? null : location.toString(),
					keepBody && response.getBody() != null ? json.writeValueAsString(response.getBody()) : null, null));
		}, first -> replay(first, readAgain));
	}

	@SuppressWarnings("unchecked")
	private <T> ResponseEntity<T> replay(RequestKeys.Answer first, Function<URI, T> readAgain) {
		var answer = ResponseEntity.status(first.status()).header(REPLAYED, "true");
		if (first.location() != null) {
			answer.header(HttpHeaders.LOCATION, first.location());
		}
		if (readAgain != null) {
			return answer.body(readAgain.apply(first.location() == null ? null : URI.create(first.location())));
		}
		if (first.body() == null) {
			return (ResponseEntity<T>) answer.build();
		}
		// the kept JSON as it was sent the first time, written as it is
		return (ResponseEntity<T>) (ResponseEntity<?>) answer.contentType(MediaType.APPLICATION_JSON)
			.body(first.body());
	}

	/**
	 * The request's body as the application reads it, hashed: a repeat must be the same
	 * request.
	 */
	private String fingerprint(Object requestBody) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(json.writeValueAsString(requestBody).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
