package se.skyddsnat.shared;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keyset paging, the one way a list is cut into pages: newest first by a key of (day, id)
 * or (id), the next page starts after the last row shown ({@code after}), the previous
 * one ends before the first ({@code before}). A page costs an index range scan of its own
 * rows, however deep it lies, and a row added meanwhile moves no row to another page. The
 * cursor is opaque to clients (base64url of the key); an unreadable one is
 * {@code InvalidInput} naming the field.
 */
public final class Keyset {

	/** Rows a page shows unless asked for another number. */
	public static final int DEFAULT_SIZE = 50;

	/** The most rows one page shows. */
	public static final int MAX_SIZE = 500;

	/** The message for an unreadable cursor. */
	public static final String BAD_CURSOR = "input.error.cursor";

	private static final Pattern KEY = Pattern.compile("(?:([0-9]{4}-[0-9]{2}-[0-9]{2}):)?([0-9]{1,18})");

	private Keyset() {
	}

	/** The key of a row: its day (null for a list ordered by id alone) and id. */
	public record Key(LocalDate day, long id) {

		public static Key of(long id) {
			return new Key(null, id);
		}

		/** The opaque text that a link or an answer carries. */
		public String token() {
			String plain = (day == null ? "" : day + ":") + id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
		}

		static Key parse(String field, String token) {
			String plain;
			try {
				plain = token.length() > 64 ? ""
						: new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
			}
			catch (IllegalArgumentException e) {
				plain = "";
			}
			var m = KEY.matcher(plain);
			LocalDate day = m.matches() && m.group(1) != null ? Input.readDate(m.group(1)) : null;
			if (!m.matches() || (m.group(1) != null && day == null)) {
				throw InvalidInput.of(field, BAD_CURSOR);
			}
			return new Key(day, Long.parseLong(m.group(2)));
		}
	}

	/**
	 * What a request asks for: the rows after one key (older), before one (newer), or the
	 * first page; and how many.
	 */
	public record Request(Key after, Key before, int size) {

		public static Request first() {
			return new Request(null, null, DEFAULT_SIZE);
		}

		/**
		 * From the query's {@code after}, {@code before} and {@code limit} (each
		 * optional), bounded.
		 */
		public static Request of(String after, String before, Integer limit) {
			boolean hasAfter = after != null && !after.isBlank();
			boolean hasBefore = before != null && !before.isBlank();
			if (hasAfter && hasBefore) {
				throw InvalidInput.of("before", BAD_CURSOR);
			}
			int size = limit == null ? DEFAULT_SIZE : Math.min(Math.max(limit, 1), MAX_SIZE);
			return new Request(hasAfter ? Key.parse("after", after.strip()) : null,
					hasBefore ? Key.parse("before", before.strip()) : null, size);
		}

		boolean backwards() {
			return before != null;
		}

		/**
		 * The condition (with " AND " in front, or empty) and the order of the query for
		 * a list newest first by {@code dayColumn, idColumn} (dayColumn null: by id
		 * alone), with {@code LIMIT :keysetLimit} — one more row than the page shows, so
		 * that the page knows whether another follows. Binds {@code :keysetDay},
		 * {@code :keysetId}, {@code :keysetLimit} through {@link #bind}.
		 */
		public String sql(String dayColumn, String idColumn) {
			Key key = backwards() ? before : after;
			String cmp = backwards() ? ">" : "<";
			String dir = backwards() ? "ASC" : "DESC";
			String where = key == null ? "" : dayColumn == null ? " AND " + idColumn + " " + cmp + " :keysetId"
					: " AND (" + dayColumn + ", " + idColumn + ") " + cmp + " (:keysetDay, :keysetId)";
			String order = dayColumn == null ? idColumn + " " + dir
					: dayColumn + " " + dir + ", " + idColumn + " " + dir;
			return where + " ORDER BY " + order + " LIMIT :keysetLimit";
		}

		public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			Key key = backwards() ? before : after;
			spec = spec.param("keysetLimit", size + 1);
			if (key != null) {
				spec = spec.param("keysetId", key.id());
				if (key.day() != null) {
					spec = spec.param("keysetDay", key.day());
				}
			}
			return spec;
		}

		/**
		 * The page of the rows a query built with {@link #sql} returned, newest first.
		 */
		public <T> Page<T> page(List<T> rows, Function<T, Key> keyOf) {
			boolean more = rows.size() > size;
			List<T> items = new ArrayList<>(more ? rows.subList(0, size) : rows);
			if (backwards()) {
				Collections.reverse(items);
				Key previous = more && !items.isEmpty() ? keyOf.apply(items.getFirst()) : null;
				Key next = items.isEmpty() ? before : keyOf.apply(items.getLast());
				return new Page<>(List.copyOf(items), next, previous);
			}
			Key next = more ? keyOf.apply(items.getLast()) : null;
			Key previous = after == null ? null : items.isEmpty() ? after : keyOf.apply(items.getFirst());
			return new Page<>(List.copyOf(items), next, previous);
		}
	}

	/**
	 * One page: its rows, the key to ask {@code after} for the next one and
	 * {@code before} for the previous one.
	 */
	public record Page<T>(List<T> items, Key next, Key previous) {

		public String nextToken() {
			return next == null ? null : next.token();
		}

		public String previousToken() {
			return previous == null ? null : previous.token();
		}

		public boolean isEmpty() {
			return items.isEmpty();
		}

		/**
		 * The page's links for an HTTP {@code Link} header (RFC 8288): {@code rel="next"}
		 * and {@code rel="prev"} on {@code path} with the same {@code limit}; null when
		 * the list has one page.
		 */
		public String linkHeader(String path, Integer limit) {
			String size = limit == null ? "" : "&limit=" + limit;
			List<String> links = new ArrayList<>();
			if (next != null) {
				links.add("<" + path + "?after=" + next.token() + size + ">; rel=\"next\"");
			}
			if (previous != null) {
				links.add("<" + path + "?before=" + previous.token() + size + ">; rel=\"prev\"");
			}
			return links.isEmpty() ? null : String.join(", ", links);
		}

		/**
		 * The API's answer: the rows as the JSON array the list always answered (so
		 * clients of one page go on working), the links in {@code Link} and the next
		 * page's cursor in {@code X-Next-Cursor}.
		 */
		public ResponseEntity<List<T>> answer(String path, Integer limit) {
			var answer = ResponseEntity.ok();
			String links = linkHeader(path, limit);
			if (links != null) {
				answer.header(HttpHeaders.LINK, links);
			}
			if (next != null) {
				answer.header("X-Next-Cursor", next.token());
			}
			return answer.body(items);
		}

		public <R> Page<R> map(Function<T, R> f) {
			return new Page<>(items.stream().map(f).toList(), next, previous);
		}
	}

}
