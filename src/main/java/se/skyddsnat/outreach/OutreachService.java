package se.skyddsnat.outreach;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import se.skyddsnat.shared.Keyset;

/**
 * Recording and reading shifts, the period's figures, and importing history. Access is
 * checked here.
 */
public interface OutreachService {

	/**
	 * Records a shift for the current user, who must be a CASEWORKER or MANAGER of one of
	 * its units.
	 */
	long record(NewShift shift);

	/**
	 * Voids (makulerar) a shift recorded by mistake, with the reason: it and its
	 * encounters leave the statistics and exports, stay visible struck through to its
	 * units, and their open tasks and notices are closed as "makulerad". CASEWORKER or
	 * MANAGER of one of its units; another shift does not exist (404); a voided one is
	 * refused (409).
	 */
	void voidShift(long id, String reason);

	/** The same for one encounter of a shift. */
	void voidEncounter(long encounterId, String reason);

	/**
	 * A shift of one of the user's units; any other shift does not exist for the user.
	 * Audited.
	 */
	Optional<ShiftView> find(long id);

	/**
	 * The shift of an encounter, with the same rule and audit as {@link #find}: for
	 * opening a case from it.
	 */
	Optional<ShiftView> findByEncounter(long encounterId);

	/**
	 * The people met (anonymous) with their shifts' facts, of the user's units' shifts
	 * only, by encounter id: one query for a page's tasks. Not audited — no person is
	 * identified, as on the shift's own rows.
	 */
	Map<Long, ShiftView.Met> met(Collection<Long> encounterIds);

	/** A page of the shifts of the user's units, newest first. */
	Keyset.Page<ShiftView.Summary> recent(Keyset.Request page);

	/**
	 * Figures for a period, both dates inclusive; {@code kind} null for both.
	 * COORDINATOR, MANAGER, ANALYST.
	 */
	OutreachStatistics statistics(LocalDate from, LocalDate to, ShiftKind kind);

	/**
	 * The same figures as they may leave the unit: exact, or with primary and secondary
	 * suppression from the one table of the period (every kind, and the year's offer
	 * area), so that any two answers about the period hide the same cells. COORDINATOR,
	 * MANAGER, ANALYST.
	 */
	PublishedStatistics publish(LocalDate from, LocalDate to, ShiftKind kind, boolean suppress);

	/**
	 * The two CSV files of the import contract, all or nothing, read as streams. ADMIN,
	 * COORDINATOR, MANAGER.
	 */
	ImportResult importHistory(ImportFile shiftsCsv, ImportFile encountersCsv, boolean dryRun,
			BiConsumer<Integer, Integer> progress);

	/** The same for files in memory (small ones: tests, the demo). */
	default ImportResult importHistory(byte[] shiftsCsv, byte[] encountersCsv, boolean dryRun,
			BiConsumer<Integer, Integer> progress) {
		return importHistory(ImportFile.of(shiftsCsv), ImportFile.of(encountersCsv), dryRun, progress);
	}

}
