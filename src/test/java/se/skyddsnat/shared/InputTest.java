package se.skyddsnat.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The one input toolkit: what each kind of field accepts, and which message names which
 * field when it does not.
 */
class InputTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

	private enum Colour {

		DARK_RED, BLUE

	}

	private static List<String> keys(Input in, String field) {
		return in.violations()
			.stream()
			.filter(v -> v.field().equals(field))
			.map(InvalidInput.Violation::messageKey)
			.toList();
	}

	@Test
	void shouldTrimTextAndKeepTabsAndLineBreaksButRefuseOtherControlCharacters() {
		var in = Input.on(TODAY);
		assertThat(in.text("a", "  two\tlines\r\nhere  ", 100, "x.long")).isEqualTo("two\tlines\r\nhere");
		assertThat(in.text("b", "   ", 100, "x.long")).isNull();
		assertThat(in.text("c", "nul\u0000byte", 100, "x.long")).isNull();
		assertThat(in.text("d", "bell\u0007", 100, "x.long")).isNull();
		assertThat(in.text("e", "c1\u0085control", 100, "x.long")).isNull();
		assertThat(in.text("f", "broken \uD800 pair", 100, "x.long")).isNull();
		assertThat(in.text("g", "emoji \uD83D\uDE00 fine", 100, "x.long")).isEqualTo("emoji \uD83D\uDE00 fine");
		assertThat(in.violations()).extracting(InvalidInput.Violation::field).containsExactly("c", "d", "e", "f");
		assertThat(keys(in, "c")).containsExactly(Input.CONTROL_CHARACTERS);
		assertThatThrownBy(in::check).isInstanceOf(InvalidInput.class)
			.satisfies(e -> assertThat(((InvalidInput) e).violations()).hasSize(4));
	}

	@Test
	void shouldCountCharactersAsTheDatabaseDoes() {
		var in = Input.on(TODAY);
		// 64 emoji are 128 UTF-16 units but 64 characters, as varchar(64) counts them
		assertThat(in.text("responsible", "\uD83D\uDE00".repeat(64), 64, "x.long")).hasSize(128);
		assertThat(in.text("responsible", "r".repeat(65), 64, "case.error.responsible")).isNull();
		assertThat(in.violations()).singleElement().satisfies(v -> {
			assertThat(v.messageKey()).isEqualTo("case.error.responsible");
			assertThat(v.args()).containsExactly(64);
		});
		assertThat(in.required("reason", "", 1000, "case.error.reason")).isNull();
		assertThat(keys(in, "reason")).containsExactly("case.error.reason");
		assertThat(in.asTyped("note", "  kept as typed \n", 100, "x.long")).isEqualTo("  kept as typed \n");
	}

	@Test
	void shouldBoundEveryDateAndNameTheRangeWhenItIsNotTheFieldsOwnLimit() {
		var in = Input.on(TODAY);
		assertThat(in.anyDate()).isEqualTo(new DateRange(LocalDate.of(1900, 1, 1), LocalDate.of(2036, 12, 2)));
		assertThat(in.date("ok", "2036-12-02", in.anyDate(), "x.date")).isEqualTo(LocalDate.of(2036, 12, 2));
		assertThat(in.date("ok", " 1900-01-01 ", in.anyDate(), "x.date")).isEqualTo(LocalDate.of(1900, 1, 1));
		assertThat(in.date("empty", "", in.anyDate(), "x.date")).isNull();
		assertThat(in.ok()).isTrue();

		assertThat(in.date("infinity", "+999999999-12-31", in.anyDate(), "x.date")).isNull();
		assertThat(in.date("zero", "0000-01-01", in.anyDate(), "x.date")).isNull();
		assertThat(in.date("late", "2036-12-03", in.anyDate(), "x.date")).isNull();
		assertThat(in.violations()).allSatisfy(v -> {
			assertThat(v.messageKey()).isEqualTo(Input.DATE_RANGE);
			assertThat(v.args()).containsExactly("1900-01-01", "2036-12-02");
		});

		var own = Input.on(TODAY);
		// not in the future: the field's own message for tomorrow and for year 999999999
		// alike
		assertThat(own.date("tomorrow", "2026-12-03", own.past(), "x.notFuture")).isNull();
		assertThat(own.date("far", "+999999999-12-31", own.past(), "x.notFuture")).isNull();
		// but the sane range's message for a day before 1900
		assertThat(own.date("early", "1899-12-31", own.past(), "x.notFuture")).isNull();
		// unreadable: the field's message with its arguments
		assertThat(own.date("bad", "2026-02-30", own.past(), "x.notFuture", "arg")).isNull();
		assertThat(own.date("words", "yesterday", own.past(), "x.notFuture", "arg")).isNull();
		assertThat(keys(own, "tomorrow")).containsExactly("x.notFuture");
		assertThat(keys(own, "far")).containsExactly("x.notFuture");
		assertThat(keys(own, "early")).containsExactly(Input.DATE_RANGE);
		assertThat(keys(own, "bad")).containsExactly("x.notFuture");
		assertThat(keys(own, "words")).containsExactly("x.notFuture");

		var relation = Input.on(TODAY);
		LocalDate applied = LocalDate.of(2026, 5, 1);
		assertThat(relation.date("returnDate", "2026-04-30", relation.anyDate().from(applied), "x.notBefore")).isNull();
		assertThat(relation.date("returnDate2", "2026-05-01", relation.anyDate().from(applied), "x.notBefore"))
			.isEqualTo(applied);
		assertThat(keys(relation, "returnDate")).containsExactly("x.notBefore");
		// a range that no date fits: a follow-up done today for a return planned next
		// year
		assertThat(relation.date("done", "2026-12-02", relation.past().from(LocalDate.of(2027, 1, 1)), "x.done"))
			.isNull();
		assertThat(keys(relation, "done")).containsExactly("x.done");
	}

	@Test
	void shouldReadTimesNumbersAndCodesStrictly() {
		var in = Input.on(TODAY);
		assertThat(in.time("start", "21:00", "x.time")).isEqualTo(LocalTime.of(21, 0));
		assertThat(in.time("end", "24:00", "x.time")).isNull();
		assertThat(in.integer("minutes", "45", 1, 1440, "x.minutes")).isEqualTo(45);
		assertThat(in.integer("big", "9223372036854775808", 1, 1440, "x.minutes")).isNull();
		assertThat(in.integer("zero", "0", 1, 1440, "x.minutes")).isNull();
		assertThat(in.integer("decimal", "1.5", 1, 1440, "x.minutes")).isNull();
		assertThat(in.whole("total", "4 000 000", 0, Long.MAX_VALUE, "x.total")).isEqualTo(4_000_000L);
		assertThat(in.code("colour", "dark_red", Colour.class, "x.colour")).isEqualTo(Colour.DARK_RED);
		assertThat(in.code("colour2", "GREEN", Colour.class, "x.colour")).isNull();
		assertThat(in.code("colour3", "x".repeat(1_000_000), Colour.class, "x.colour")).isNull();
		assertThat(in.requiredCode("colour4", null, Colour.class, "x.colour")).isNull();
		assertThat(in.municipality("m", "0180", "x.m")).isEqualTo(MunicipalityCode.of("0180"));
		assertThat(in.municipality("m2", "180", "x.m")).isNull();
		assertThat(in.unit("u", "MIKA", "x.u")).isEqualTo(UnitCode.of("MIKA"));
		assertThat(in.unit("u2", "mi\u0000ka", "x.u")).isNull();
		assertThat(in.violations()).extracting(InvalidInput.Violation::field)
			.containsExactly("end", "big", "zero", "decimal", "colour2", "colour3", "colour4", "m2", "u2");
	}

	@Test
	void shouldEchoAtMostFortyCharactersAndNoControlCharacters() {
		assertThat(Input.echo("x".repeat(1_000_000))).hasSize(41).endsWith("…");
		assertThat(Input.echo("a\u0000b\u0007c")).isEqualTo("a?b?c");
		assertThat(Input.echo(null)).isEmpty();
	}

	@Test
	void shouldKeepTheFirstErrorsInOrderAndCountThemAll() {
		var errors = new FirstErrors<Integer>(Integer::compare);
		for (int i = 1000; i > 0; i--) {
			errors.add(i);
		}
		assertThat(errors.total()).isEqualTo(1000);
		assertThat(errors.first()).hasSize(FirstErrors.SHOWN).startsWith(1, 2, 3).endsWith(100);
	}

	@Test
	void shouldCheckAPeriodAgainstTheSaneRange() {
		assertThat(DatePeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), TODAY).to())
			.isEqualTo(LocalDate.of(2026, 12, 31));
		assertThatThrownBy(() -> DatePeriod.of(LocalDate.of(2026, 1, 1), LocalDate.MAX, TODAY))
			.isInstanceOf(InvalidInput.class)
			.satisfies(e -> assertThat(((InvalidInput) e).violations()).singleElement()
				.satisfies(v -> assertThat(v.field()).isEqualTo("to")));
		assertThatThrownBy(() -> DatePeriod.parse("0000-01-01", "2026-01-01")).isInstanceOf(InvalidInput.class)
			.satisfies(e -> assertThat(((InvalidInput) e).violations()).singleElement()
				.satisfies(v -> assertThat(v.messageKey()).isEqualTo(Input.DATE_RANGE)));
	}

	@Test
	void shouldReadCsvAsAStreamWithLinesAndQuotedLineBreaks() {
		String csv = "\uFEFFref;notes\r\np-1;\"two\nlines\"\n\np-2;plain\n";
		try (var rows = CsvTable
			.open(new java.io.ByteArrayInputStream(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
			assertThat(rows.header()).containsExactly("ref", "notes");
			var first = rows.next();
			assertThat(first.line()).isEqualTo(2);
			assertThat(first.get("notes")).isEqualTo("two\nlines");
			var second = rows.next();
			assertThat(second.line()).isEqualTo(5);
			assertThat(second.get("ref")).isEqualTo("p-2");
			assertThat(rows.next()).isNull();
		}
		assertThatThrownBy(() -> CsvTable.parse(new byte[] { 'a', ';', 'b', '\n', (byte) 0xFF, '\n' }))
			.isInstanceOf(CsvTable.Unreadable.class)
			.hasMessage("not UTF-8");
		assertThatThrownBy(() -> CsvTable.parse("a;b\n\"open;1\n")).isInstanceOf(CsvTable.Unreadable.class)
			.satisfies(e -> assertThat(((CsvTable.Unreadable) e).line()).isEqualTo(2));
	}

}
