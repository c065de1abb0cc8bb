package se.skyddsnat.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import se.skyddsnat.shared.CsvTable;
import se.skyddsnat.shared.FirstErrors;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;

/**
 * Reads and checks both files completely before anything is written, as streams: of each
 * row only its typed values are kept. Every error is counted; the first
 * {@link FirstErrors#SHOWN} are kept to show.
 */
@RequiredArgsConstructor
final class ImportReader {

	private static final Comparator<InvalidInput.LineError> ORDER = Comparator.comparing(InvalidInput.LineError::file)
		.reversed()
		.thenComparing(InvalidInput.LineError::line);

	private final ShiftParser parser;

	private final Shifts shifts;

	List<NewShift> read(ImportFile shiftsCsv, ImportFile encountersCsv) {
		var errors = new FirstErrors<>(ORDER);
		try (CsvTable.Rows shiftRows = open("shifts", shiftsCsv, ShiftParser.SHIFT_COLUMNS, errors);
				CsvTable.Rows encounterRows = open("encounters", encountersCsv, ShiftParser.ENCOUNTER_COLUMNS,
						errors)) {
			if (shiftRows == null || encounterRows == null) {
				throw rejected(errors);
			}
			var lineOfRef = new HashMap<String, Integer>();
			Map<String, NewShift> byRef = shifts(shiftRows, lineOfRef, errors);
			Map<String, List<NewEncounter>> encountersByRef = encounters(encounterRows, lineOfRef, errors);
			if (!errors.isEmpty()) {
				throw rejected(errors);
			}
			return byRef.values()
				.stream()
				.map(s -> new NewShift(s.ref(), s.date(), s.startTime(), s.endTime(), s.kind(), s.policeOperation(),
						s.arena(), s.municipality(), s.units(), s.notes(),
						encountersByRef.getOrDefault(s.ref(), List.of())))
				.toList();
		}
	}

	/**
	 * The valid shifts by ref; {@code lineOfRef} gets every ref named (a bad row's too,
	 * so its encounters find it).
	 */
	private Map<String, NewShift> shifts(CsvTable.Rows rows, Map<String, Integer> lineOfRef,
			FirstErrors<InvalidInput.LineError> errors) {
		var byRef = new LinkedHashMap<String, NewShift>();
		forEach("shifts", rows, errors, row -> {
			extraFields("shifts", row, errors);
			String ref = row.get("ref");
			var result = parser.shift(row::get);
			result.problems().forEach(p -> errors.add(lineError("shifts", row, p)));
			if (ref.isEmpty()) {
				errors.add(new InvalidInput.LineError("shifts", row.line(), "ref", "outreach.import.ref.missing"));
			}
			else if (lineOfRef.containsKey(ref)) {
				errors.add(new InvalidInput.LineError("shifts", row.line(), "ref", "outreach.import.ref.duplicate",
						Input.echo(ref), lineOfRef.get(ref)));
			}
			else if (result.ok()) {
				lineOfRef.put(ref, row.line());
				byRef.put(ref, result.value());
			}
			else if (Input.safe(ref)) {
				lineOfRef.put(ref, row.line()); // a bad row still names its ref, so its
												// encounters find it
			}
		});
		var storable = lineOfRef.keySet().stream().filter(r -> r.length() <= OutreachLimits.SHIFT_REF.max()).toList();
		for (String ref : shifts.existingRefs(storable)) {
			errors.add(new InvalidInput.LineError("shifts", lineOfRef.get(ref), "ref", "outreach.import.ref.imported",
					ref));
		}
		return byRef;
	}

	/**
	 * The valid encounters by the ref of their shift, which must be one the shifts file
	 * names.
	 */
	private Map<String, List<NewEncounter>> encounters(CsvTable.Rows rows, Map<String, Integer> lineOfRef,
			FirstErrors<InvalidInput.LineError> errors) {
		var byRef = new HashMap<String, List<NewEncounter>>();
		forEach("encounters", rows, errors, row -> {
			extraFields("encounters", row, errors);
			String ref = row.get("shift_ref");
			var result = parser.encounter(row::get);
			result.problems().forEach(p -> errors.add(lineError("encounters", row, p)));
			if (!lineOfRef.containsKey(ref)) {
				errors.add(new InvalidInput.LineError("encounters", row.line(), "shift_ref",
						ref.isEmpty() ? "outreach.import.shiftRef.missing" : "outreach.import.shiftRef.unknown",
						Input.echo(ref)));
			}
			else if (result.ok()) {
				byRef.computeIfAbsent(ref, r -> new ArrayList<>()).add(result.value());
			}
		});
		return byRef;
	}

	private static ImportRejected rejected(FirstErrors<InvalidInput.LineError> errors) {
		return new ImportRejected(errors.first(), errors.total());
	}

	/**
	 * The file's rows after a header with exactly the expected columns; null (and the
	 * errors) otherwise.
	 */
	private static CsvTable.Rows open(String file, ImportFile csv, List<String> columns,
			FirstErrors<InvalidInput.LineError> errors) {
		if (csv == null || csv.isEmpty()) {
			errors.add(new InvalidInput.LineError(file, 1, null, "outreach.import.file.missing"));
			return null;
		}
		CsvTable.Rows rows;
		try {
			rows = CsvTable.open(csv.open());
		}
		catch (CsvTable.Unreadable e) {
			errors.add(new InvalidInput.LineError(file, e.line(), null, "outreach.import.file.unreadable",
					e.getMessage()));
			return null;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		int before = errors.total();
		Set<String> seen = new HashSet<>();
		for (String column : rows.header()) {
			if (!columns.contains(column)) {
				errors.add(new InvalidInput.LineError(file, 1, Input.echo(column), "outreach.import.column.unknown",
						Input.echo(column), String.join(", ", columns)));
			}
			else if (!seen.add(column)) {
				errors.add(new InvalidInput.LineError(file, 1, column, "outreach.import.column.twice", column));
			}
		}
		for (String column : columns) {
			if (!rows.header().contains(column)) {
				errors.add(new InvalidInput.LineError(file, 1, column, "outreach.import.column.missing", column));
			}
		}
		if (errors.total() > before) {
			rows.close();
			return null;
		}
		return rows;
	}

	/**
	 * Each row of the file; a file that stops being readable half-way is one more error
	 * (its line named).
	 */
	private static void forEach(String file, CsvTable.Rows rows, FirstErrors<InvalidInput.LineError> errors,
			Consumer<CsvTable.Row> action) {
		try {
			for (CsvTable.Row row = rows.next(); row != null; row = rows.next()) {
				action.accept(row);
			}
		}
		catch (CsvTable.Unreadable e) {
			errors.add(new InvalidInput.LineError(file, e.line(), null, "outreach.import.file.unreadable",
					e.getMessage()));
		}
	}

	private static void extraFields(String file, CsvTable.Row row, FirstErrors<InvalidInput.LineError> errors) {
		if (CsvTable.hasExtraFields(row)) {
			errors.add(new InvalidInput.LineError(file, row.line(), null, "outreach.import.extraFields"));
		}
	}

	private static InvalidInput.LineError lineError(String file, CsvTable.Row row, ShiftParser.Problem p) {
		return new InvalidInput.LineError(file, row.line(), p.column(), p.messageKey(), p.args());
	}

}
