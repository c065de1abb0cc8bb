package se.skyddsnat.training.figures;

import java.time.LocalDate;
import java.util.List;

import se.skyddsnat.shared.Count;

/**
 * (Public for the templates' expression language only.) The counts of a period as they
 * may be shown: sessions held (not people: exact), and the people counts — attendances
 * per municipality and per profession, lectures' head counts, evaluation answers — as
 * published by one {@link se.skyddsnat.shared.CountTable}, suppressed or exact. The
 * satisfaction indicator is null below five answers.
 */
public record TrainingStatistics(LocalDate from, LocalDate to, boolean suppressed, boolean withheld, long sessionsHeld,
		long digital, long physical, List<Row> byMunicipality, List<Row> byProfession, Count attended, long lectures,
		List<LectureRow> byAudience, Count headCount, Satisfaction satisfaction) {

	/**
	 * A row: its code and label (a municipality's name, a profession's message key) and
	 * count.
	 */
	public record Row(String code, String label, Count count) {
	}

	public record LectureRow(String audience, long lectures, Count headCount) {
	}

	/**
	 * {@code satisfied} of {@code answers} answered 4–5; {@code percent} only when both
	 * are exact.
	 */
	public record Satisfaction(Count satisfied, Count answers, Long percent) {
	}
}
