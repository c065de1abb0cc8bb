package se.skyddsnat.region.population;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * Population tables by year, loaded from CSV ({@link PopulationCsv}). All or nothing;
 * every bad line is reported. A table may cover only some municipalities; earlier years
 * are kept, and loading a year again replaces the figures it names. The cost split reads
 * them; ADMIN and COORDINATOR load them.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PopulationTables {

	/**
	 * A population table is read whole: a county's is a few kilobytes, so this is
	 * generous.
	 */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	/** One loaded year: how many municipalities it covers and their sum. */
	public record YearSummary(int year, int municipalities, long total) {
	}

	/**
	 * A municipality's figure for a year, or its latest earlier one ({@code year} says
	 * which).
	 */
	public record Figure(MunicipalityCode code, int year, int population) {
	}

	private final PopulationStore store;

	private final Municipalities municipalities;

	private final AuditLog audit;

	private final Clock clock;

	/**
	 * Loads the table for a year; returns the number of municipalities it covered. ADMIN
	 * or COORDINATOR.
	 */
	@Transactional
	public int load(int year, byte[] csv) {
		CurrentUser user = CurrentUser.require(Permission.MANAGE_REGIONAL_OFFER);
		int thisYear = LocalDate.now(clock).getYear();
		if (year < 1900 || year > thisYear) {
			throw PopulationRejected.of(0, "year", "population.error.year", thisYear);
		}
		if (csv.length > MAX_BYTES) {
			throw tooLarge();
		}
		Set<String> known = municipalities.all().stream().map(m -> m.code().value()).collect(Collectors.toSet());
		Map<String, Integer> figures = PopulationCsv.read(csv, known);
		store.save(year, figures, user.username());
		audit.change(AuditSubject.POPULATION_TABLE, year, AuditDetails.of("population.saved", figures.size()));
		return figures.size();
	}

	/** Loaded years, newest first. For those who read the regional offer. */
	public List<YearSummary> years() {
		CurrentUser.require(Permission.READ_REGIONAL_OFFER);
		return store.years();
	}

	/**
	 * Each municipality's figure for the year; where the year is missing, its latest
	 * earlier figure, and where there is none, its earliest later one
	 * ({@link Figure#year()} tells which, so the row can be flagged).
	 */
	public Map<MunicipalityCode, Figure> forYear(int year) {
		return store.forYear(year);
	}

	/** A file over {@link #MAX_BYTES}, refused before it is read. */
	static PopulationRejected tooLarge() {
		return PopulationRejected.of(0, "file", "population.error.tooLarge", MAX_BYTES / (1024 * 1024) + " MB");
	}

}
