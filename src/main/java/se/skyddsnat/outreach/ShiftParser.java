package se.skyddsnat.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import lombok.RequiredArgsConstructor;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * Turns the text of a shift and its encounters — from the web form or a CSV row alike —
 * into typed values, checking every rule once. Problems are named by their CSV column
 * (the stable contract), so the import reports file, line and column and the form shows
 * each one next to its field.
 */
@RequiredArgsConstructor
final class ShiftParser {

	/**
	 * A rule broken in a column; {@code messageKey} is resolved in the user's language.
	 */
	record Problem(String column, String messageKey, Object... args) {
	}

	record Parsed<T>(T value, List<Problem> problems) {
		boolean ok() {
			return problems.isEmpty();
		}

		static <T> Parsed<T> of(T value, Input in) {
			List<Problem> problems = in.violations()
				.stream()
				.map(v -> new Problem(v.field(), v.messageKey(), v.args()))
				.toList();
			return new Parsed<>(problems.isEmpty() ? value : null, problems);
		}
	}

	static final List<String> SHIFT_COLUMNS = List.of("ref", "date", "start_time", "end_time", "kind",
			"police_operation", "arena", "municipality", "units", "notes");
	static final List<String> ENCOUNTER_COLUMNS = List.of("shift_ref", "role", "gender", "age", "minor",
			"home_municipality", "support_offered", "offered_by", "accepted");

	/** The first day a shift can be about: imports of history start in this century. */
	private static final LocalDate FIRST_SHIFT = LocalDate.of(2000, 1, 1);

	private final Set<UnitCode> units;

	private final Set<MunicipalityCode> municipalities;

	private final Clock clock;

	/**
	 * The shift's own fields; encounters are parsed one by one and added by the caller.
	 */
	Parsed<NewShift> shift(Function<String, String> column) {
		var in = Input.of(clock);
		String ref = in.text("ref", column.apply("ref"), OutreachLimits.SHIFT_REF.max(), "outreach.error.ref");
		LocalDate date = date(text(column, "date"), in);
		LocalTime start = in.time("start_time", text(column, "start_time"), "outreach.error.time");
		LocalTime end = in.time("end_time", text(column, "end_time"), "outreach.error.time");
		ShiftKind kind = required(ShiftKind.class, "kind", text(column, "kind"), in);
		String op = text(column, "police_operation");
		PoliceOperation operation = null;
		if (kind == ShiftKind.JOINT) {
			operation = required(PoliceOperation.class, "police_operation", op, in);
		}
		else if (kind == ShiftKind.OWN && !op.isEmpty()) {
			in.reject("police_operation", "outreach.error.policeOperation.own");
		}
		Arena arena = required(Arena.class, "arena", text(column, "arena"), in);
		MunicipalityCode municipality = municipality(text(column, "municipality"), in);
		List<UnitCode> shiftUnits = unitList(text(column, "units"), in);
		String notes = in.text("notes", column.apply("notes"), OutreachLimits.SHIFT_NOTES.max(),
				"outreach.error.notes");
		if (!in.ok()) {
			return Parsed.of(null, in);
		}
		return Parsed.of(
				new NewShift(ref, date, start, end, kind, operation, arena, municipality, shiftUnits, notes, List.of()),
				in);
	}

	/**
	 * A shift recorded in the form or the API, with the people met: every problem at
	 * once, a person's named {@code encounters[i].column}.
	 */
	Parsed<NewShift> shiftWithPeople(Function<String, String> shiftColumn, List<Function<String, String>> people) {
		var shift = shift(shiftColumn);
		var problems = new ArrayList<>(shift.problems());
		var encounters = new ArrayList<NewEncounter>();
		for (int i = 0; i < people.size(); i++) {
			var person = encounter(people.get(i));
			String prefix = "encounters[" + i + "].";
			person.problems().forEach(p -> problems.add(new Problem(prefix + p.column(), p.messageKey(), p.args())));
			if (person.ok()) {
				encounters.add(person.value());
			}
		}
		if (!problems.isEmpty()) {
			return new Parsed<>(null, problems);
		}
		NewShift s = shift.value();
		return new Parsed<>(new NewShift(s.ref(), s.date(), s.startTime(), s.endTime(), s.kind(), s.policeOperation(),
				s.arena(), s.municipality(), s.units(), s.notes(), encounters), List.of());
	}

	Parsed<NewEncounter> encounter(Function<String, String> column) {
		var in = Input.of(clock);
		EncounterRole role = required(EncounterRole.class, "role", text(column, "role"), in);
		Gender gender = required(Gender.class, "gender", text(column, "gender"), in);
		Integer age = in.integer("age", text(column, "age"), 0, 120, "outreach.error.age");
		Answer minor = required(Answer.class, "minor", text(column, "minor"), in);
		if (age != null && minor == Answer.YES && age >= 18) {
			in.reject("minor", "outreach.error.minor.adult", age);
		}
		else if (age != null && minor == Answer.NO && age < 18) {
			in.reject("minor", "outreach.error.minor.child", age);
		}
		Home home = home(text(column, "home_municipality"), in);
		String offeredText = text(column, "support_offered");
		Boolean offered = switch (offeredText.toLowerCase(java.util.Locale.ROOT)) {
			case "yes" -> true;
			case "no" -> false;
			default -> {
				in.reject("support_offered", "outreach.error.supportOffered");
				yield null;
			}
		};
		String offeredByText = text(column, "offered_by");
		UnitCode offeredBy = null;
		if (Boolean.TRUE.equals(offered)) {
			if (offeredByText.isEmpty()) {
				in.reject("offered_by", "outreach.error.offeredBy.missing");
			}
			else {
				offeredBy = unit("offered_by", offeredByText, in);
			}
		}
		else if (Boolean.FALSE.equals(offered) && !offeredByText.isEmpty()) {
			in.reject("offered_by", "outreach.error.offeredBy.notOffered");
		}
		Answer accepted = required(Answer.class, "accepted", text(column, "accepted"), in);
		if (Boolean.FALSE.equals(offered) && accepted == Answer.YES) {
			in.reject("accepted", "outreach.error.accepted.notOffered");
		}
		if (!in.ok()) {
			return Parsed.of(null, in);
		}
		return Parsed.of(new NewEncounter(role, gender, age, minor, home, offered, offeredBy, accepted), in);
	}

	private LocalDate date(String text, Input in) {
		if (text.isEmpty()) {
			in.reject("date", "outreach.error.date.missing");
			return null;
		}
		LocalDate date = Input.readDate(text);
		if (date == null || date.isBefore(FIRST_SHIFT)) {
			in.reject("date", "outreach.error.date.format");
			return null;
		}
		if (date.isAfter(LocalDate.now(clock))) {
			in.reject("date", "outreach.error.date.future");
			return null;
		}
		return date;
	}

	private MunicipalityCode municipality(String text, Input in) {
		if (text.isEmpty()) {
			in.reject("municipality", "outreach.error.municipality.missing");
			return null;
		}
		if (!MunicipalityCode.isValid(text) || !municipalities.contains(MunicipalityCode.of(text))) {
			in.reject("municipality", "outreach.error.municipality.unknown", Input.echo(text));
			return null;
		}
		return MunicipalityCode.of(text);
	}

	private Home home(String text, Input in) {
		String t = text.toLowerCase(java.util.Locale.ROOT);
		if (t.equals("abroad")) {
			return Home.ABROAD;
		}
		if (t.equals("unknown")) {
			return Home.UNKNOWN;
		}
		if (MunicipalityCode.isValid(t) && municipalities.contains(MunicipalityCode.of(t))) {
			return Home.of(MunicipalityCode.of(t));
		}
		in.reject("home_municipality", "outreach.error.home", Input.echo(text));
		return null;
	}

	private List<UnitCode> unitList(String text, Input in) {
		if (text.isEmpty()) {
			in.reject("units", "outreach.error.units.missing");
			return List.of();
		}
		var result = new ArrayList<UnitCode>();
		for (String code : Arrays.stream(text.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
			UnitCode unit = unit("units", code, in);
			if (unit != null && !result.contains(unit)) {
				result.add(unit);
			}
		}
		return result;
	}

	private UnitCode unit(String column, String code, Input in) {
		if (UnitCode.isValid(code) && units.contains(UnitCode.of(code))) {
			return UnitCode.of(code);
		}
		in.reject(column, "outreach.error.unit", Input.echo(code));
		return null;
	}

	private static <E extends Enum<E>> E required(Class<E> type, String column, String text, Input in) {
		var value = Codes.parse(type, text);
		if (value.isEmpty()) {
			String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Codes::of).toList());
			in.reject(column, text.isEmpty() ? "outreach.error.required" : "outreach.error.oneOf", allowed,
					Input.echo(text));
		}
		return value.orElse(null);
	}

	private static String text(Function<String, String> column, String name) {
		String v = column.apply(name);
		return v == null ? "" : v.trim();
	}

}
