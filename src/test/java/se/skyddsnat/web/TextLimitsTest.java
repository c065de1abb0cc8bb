package se.skyddsnat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.skyddsnat.shared.TextLimit;
import se.skyddsnat.support.IntegrationTest;

/**
 * One number per text field: every {@link TextLimit} agrees with the column it names (its
 * {@code varchar} size, or the {@code CHECK (length(..) <= n)} of a {@code text} column),
 * and every form takes its {@code maxlength} from a limit rather than from a number of
 * its own.
 */
class TextLimitsTest extends IntegrationTest {

	private static final Pattern LITERAL = Pattern.compile("\\smaxlength=\"(\\d+)\"");

	/**
	 * A limit named in a template: {@code @limits.max('CASE_REASON')}, or given to a
	 * field fragment as {@code limit='CASE_REASON'}.
	 */
	private static final Pattern NAMED = Pattern.compile("(?:@limits\\.max\\(|[lL]imit=)'([A-Z_]+)'");

	@Autowired
	Limits limits;

	@Test
	void shouldAgreeWithTheColumnOfEveryLimit() {
		assertThat(limits.all()).extracting(TextLimit::name)
			.contains("CASE_RESPONSIBLE", "JOURNAL_NOTE", "SHIFT_NOTES", "MEETING_DECISIONS", "USER_DISPLAY_NAME");
		var wrong = new ArrayList<String>();
		for (TextLimit limit : limits.all()) {
			if (limit.column() == null) {
				continue;
			}
			String[] parts = limit.column().split("\\.");
			var column = jdbc.sql("""
					SELECT data_type, character_maximum_length FROM information_schema.columns
					 WHERE table_schema = ? AND table_name = ? AND column_name = ?""")
				.params(parts[0], parts[1], parts[2])
				.query((rs, n) -> new Object[] { rs.getString(1), rs.getObject(2) })
				.optional();
			if (column.isEmpty()) {
				wrong.add(limit.name() + ": no column " + limit.column());
				continue;
			}
			String type = (String) column.get()[0];
			if (type.equals("text")) {
				List<String> checks = jdbc.sql("""
						SELECT pg_get_constraintdef(c.oid) FROM pg_constraint c
						  JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
						 WHERE n.nspname = ? AND t.relname = ? AND c.contype = 'c'""")
					.params(parts[0], parts[1])
					.query(String.class)
					.list();
				String expected = "length(" + parts[2] + ") <= " + limit.max();
				if (checks.stream().noneMatch(c -> c.contains(expected))) {
					wrong.add(limit.name() + ": " + limit.column() + " has no CHECK " + expected + " " + checks);
				}
			}
			else if (!Integer.valueOf(limit.max()).equals(column.get()[1])) {
				wrong.add(limit.name() + ": " + limit.max() + " but " + limit.column() + " is " + type + "("
						+ column.get()[1] + ")");
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void shouldTakeEveryFormsMaxlengthFromALimit() throws IOException {
		var literal = new ArrayList<String>();
		var unknown = new ArrayList<String>();
		var names = limits.all().stream().map(TextLimit::name).toList();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file);
				Matcher m = LITERAL.matcher(html);
				while (m.find()) {
					// a year is a number of four digits, not a text
					if (!html.substring(Math.max(0, m.start() - 120), m.start()).contains("birthYear")) {
						literal.add(file.getFileName() + ": maxlength=\"" + m.group(1) + "\"");
					}
				}
				Matcher named = NAMED.matcher(html);
				while (named.find()) {
					if (!names.contains(named.group(1))) {
						unknown.add(file.getFileName() + ": " + named.group(1));
					}
				}
			}
		}
		assertThat(literal).isEmpty();
		assertThat(unknown).isEmpty();
	}

}
