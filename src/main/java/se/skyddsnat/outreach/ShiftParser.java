package se.skyddsnat.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * Turns the text of a shift and its encounters — from the web form or a CSV row alike — into typed
 * values, checking every rule once. Problems are named by their CSV column (the stable contract),
 * so the import reports file, line and column and the form shows each one next to its field.
 */
final class ShiftParser {

    /** A rule broken in a column; {@code messageKey} is resolved in the user's language. */
    record Problem(String column, String messageKey, Object... args) {
    }

    record Parsed<T>(T value, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    static final List<String> SHIFT_COLUMNS = List.of("ref", "date", "start_time", "end_time", "kind",
            "police_operation", "arena", "municipality", "units", "notes");
    static final List<String> ENCOUNTER_COLUMNS = List.of("shift_ref", "role", "gender", "age", "minor",
            "home_municipality", "support_offered", "offered_by", "accepted");
    static final int MAX_NOTES = 2000;

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final Set<UnitCode> units;
    private final Set<MunicipalityCode> municipalities;
    private final Clock clock;

    ShiftParser(Set<UnitCode> units, Set<MunicipalityCode> municipalities, Clock clock) {
        this.units = units;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /** The shift's own fields; encounters are parsed one by one and added by the caller. */
    Parsed<NewShift> shift(Function<String, String> column) {
        var problems = new ArrayList<Problem>();
        String ref = text(column, "ref");
        if (ref.length() > 64) {
            problems.add(new Problem("ref", "outreach.error.ref"));
        }
        LocalDate date = date(text(column, "date"), problems);
        LocalTime start = time("start_time", text(column, "start_time"), problems);
        LocalTime end = time("end_time", text(column, "end_time"), problems);
        ShiftKind kind = required(ShiftKind.class, "kind", text(column, "kind"), problems);
        String op = text(column, "police_operation");
        PoliceOperation operation = null;
        if (kind == ShiftKind.JOINT) {
            operation = required(PoliceOperation.class, "police_operation", op, problems);
        } else if (kind == ShiftKind.OWN && !op.isEmpty()) {
            problems.add(new Problem("police_operation", "outreach.error.policeOperation.own"));
        }
        Arena arena = required(Arena.class, "arena", text(column, "arena"), problems);
        MunicipalityCode municipality = municipality(text(column, "municipality"), problems);
        List<UnitCode> shiftUnits = unitList(text(column, "units"), problems);
        String notes = text(column, "notes");
        if (notes.length() > MAX_NOTES) {
            problems.add(new Problem("notes", "outreach.error.notes", MAX_NOTES));
        }
        if (!problems.isEmpty()) {
            return new Parsed<>(null, problems);
        }
        return new Parsed<>(new NewShift(ref.isEmpty() ? null : ref, date, start, end, kind, operation, arena,
                municipality, shiftUnits, notes.isEmpty() ? null : notes, List.of()), problems);
    }

    Parsed<NewEncounter> encounter(Function<String, String> column) {
        var problems = new ArrayList<Problem>();
        EncounterRole role = required(EncounterRole.class, "role", text(column, "role"), problems);
        Gender gender = required(Gender.class, "gender", text(column, "gender"), problems);
        Integer age = null;
        String ageText = text(column, "age");
        if (!ageText.isEmpty()) {
            try {
                age = Integer.parseInt(ageText);
                if (age < 0 || age > 120) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                age = null;
                problems.add(new Problem("age", "outreach.error.age"));
            }
        }
        Answer minor = required(Answer.class, "minor", text(column, "minor"), problems);
        if (age != null && minor == Answer.YES && age >= 18) {
            problems.add(new Problem("minor", "outreach.error.minor.adult", age));
        } else if (age != null && minor == Answer.NO && age < 18) {
            problems.add(new Problem("minor", "outreach.error.minor.child", age));
        }
        Home home = home(text(column, "home_municipality"), problems);
        String offeredText = text(column, "support_offered");
        Boolean offered = switch (offeredText.toLowerCase(java.util.Locale.ROOT)) {
            case "yes" -> true;
            case "no" -> false;
            default -> {
                problems.add(new Problem("support_offered", "outreach.error.supportOffered"));
                yield null;
            }
        };
        String offeredByText = text(column, "offered_by");
        UnitCode offeredBy = null;
        if (Boolean.TRUE.equals(offered)) {
            if (offeredByText.isEmpty()) {
                problems.add(new Problem("offered_by", "outreach.error.offeredBy.missing"));
            } else {
                offeredBy = unit("offered_by", offeredByText, problems);
            }
        } else if (Boolean.FALSE.equals(offered) && !offeredByText.isEmpty()) {
            problems.add(new Problem("offered_by", "outreach.error.offeredBy.notOffered"));
        }
        Answer accepted = required(Answer.class, "accepted", text(column, "accepted"), problems);
        if (Boolean.FALSE.equals(offered) && accepted == Answer.YES) {
            problems.add(new Problem("accepted", "outreach.error.accepted.notOffered"));
        }
        if (!problems.isEmpty()) {
            return new Parsed<>(null, problems);
        }
        return new Parsed<>(new NewEncounter(role, gender, age, minor, home, offered, offeredBy, accepted), problems);
    }

    private LocalDate date(String text, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(new Problem("date", "outreach.error.date.missing"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(LocalDate.now(clock))) {
                problems.add(new Problem("date", "outreach.error.date.future"));
            } else if (date.getYear() < 2000) {
                problems.add(new Problem("date", "outreach.error.date.format"));
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(new Problem("date", "outreach.error.date.format"));
            return null;
        }
    }

    private static LocalTime time(String column, String text, List<Problem> problems) {
        if (text.isEmpty()) {
            return null;
        }
        if (!TIME.matcher(text).matches()) {
            problems.add(new Problem(column, "outreach.error.time"));
            return null;
        }
        return LocalTime.parse(text);
    }

    private MunicipalityCode municipality(String text, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(new Problem("municipality", "outreach.error.municipality.missing"));
            return null;
        }
        if (!MunicipalityCode.isValid(text) || !municipalities.contains(MunicipalityCode.of(text))) {
            problems.add(new Problem("municipality", "outreach.error.municipality.unknown", text));
            return null;
        }
        return MunicipalityCode.of(text);
    }

    private Home home(String text, List<Problem> problems) {
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
        problems.add(new Problem("home_municipality", "outreach.error.home", text));
        return null;
    }

    private List<UnitCode> unitList(String text, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(new Problem("units", "outreach.error.units.missing"));
            return List.of();
        }
        var result = new ArrayList<UnitCode>();
        for (String code : Arrays.stream(text.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            UnitCode unit = unit("units", code, problems);
            if (unit != null && !result.contains(unit)) {
                result.add(unit);
            }
        }
        return result;
    }

    private UnitCode unit(String column, String code, List<Problem> problems) {
        if (UnitCode.isValid(code) && units.contains(UnitCode.of(code))) {
            return UnitCode.of(code);
        }
        problems.add(new Problem(column, "outreach.error.unit", code));
        return null;
    }

    private static <E extends Enum<E>> E required(Class<E> type, String column, String text, List<Problem> problems) {
        var value = Codes.parse(type, text);
        if (value.isEmpty()) {
            String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Codes::of).toList());
            problems.add(new Problem(column, text.isEmpty() ? "outreach.error.required" : "outreach.error.oneOf",
                    allowed, text));
        }
        return value.orElse(null);
    }

    private static String text(Function<String, String> column, String name) {
        String v = column.apply(name);
        return v == null ? "" : v.trim();
    }
}
