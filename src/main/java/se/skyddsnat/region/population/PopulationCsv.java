package se.skyddsnat.region.population;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.skyddsnat.shared.CsvTable;
import se.skyddsnat.shared.FirstErrors;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput.LineError;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * A population table as a file: {@code code;population}, a header row, UTF-8 with or
 * without BOM, {@code ;} or {@code ,}. Read whole and checked line by line; any bad line
 * refuses the table, naming every problem.
 */
final class PopulationCsv {

	private static final List<String> HEADER = List.of("code", "population");

	private PopulationCsv() {
	}

	/**
	 * The figure of each municipality the file names, in file order; {@code known}: the
	 * codes that exist.
	 */
	static Map<String, Integer> read(byte[] csv, Set<String> known) {
		CsvTable table;
		try {
			table = CsvTable.parse(csv);
		}
		catch (CsvTable.Unreadable e) {
			throw PopulationRejected.of(e.line(), "", "population.error.unreadable");
		}
		if (!table.header().equals(HEADER)) {
			throw PopulationRejected.of(1, "", "population.error.header", Input.echo(String.join(";", table.header())));
		}
		var problems = new FirstErrors<LineError>(Comparator.comparingInt(LineError::line));
		var seen = new HashSet<String>();
		var figures = new LinkedHashMap<String, Integer>();
		for (CsvTable.Row row : table.rows()) {
			String code = row.get("code");
			if (!MunicipalityCode.isValid(code) || !known.contains(code)) {
				problems.add(PopulationRejected.problem(row.line(), "code", "population.error.code", Input.echo(code)));
			}
			else if (!seen.add(code)) {
				problems.add(PopulationRejected.problem(row.line(), "code", "population.error.twice", code));
			}
			String value = row.get("population");
			Integer population = Input.readInt(value);
			if (population == null) {
				problems.add(PopulationRejected.problem(row.line(), "population", "population.error.number",
						Input.echo(spaceless(value))));
			}
			else if (population < 0) {
				problems.add(PopulationRejected.problem(row.line(), "population", "population.error.negative",
						Input.echo(spaceless(value))));
			}
			else {
				figures.put(code, population);
			}
		}
		if (table.rows().isEmpty()) {
			problems.add(PopulationRejected.problem(2, "", "population.error.empty"));
		}
		if (!problems.isEmpty()) {
			throw new PopulationRejected(problems.first(), problems.total());
		}
		return figures;
	}

	/** The figure as the message quotes it: without the spaces between thousands. */
	private static String spaceless(String value) {
		return value.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
	}

}
