package se.skyddsnat.outreach;

/** What an import wrote (or, in a dry run, would write). */
public record ImportResult(int shifts, int encounters, int minorTasks, int notices, int historicalShifts,
		boolean dryRun) {
}
