package se.skyddsnat.followup.plan;

import java.time.LocalDate;
import java.util.List;

/** The plan's records as pages, files and the report read them. */
public final class PlanRecords {

	private PlanRecords() {
	}

	public record Programme(long id, String name, LocalDate from, LocalDate to, String goals) {
	}

	public record ActionPlan(long id, String name, LocalDate decidedOn) {
	}

	/**
	 * A follow-up of a measure: the period it covers, status, account and the indicators
	 * given as evidence.
	 */
	public record FollowUp(long id, long measureId, LocalDate from, LocalDate to, MeasureStatus status, String account,
			List<String> evidence, String recordedBy) {
	}

	/**
	 * A measure with its follow-ups, newest first ({@code latest} is the first, or null
	 * when never followed up).
	 */
	public record Measure(long id, Area area, String text, String owner, LocalDate from, LocalDate to,
			List<FollowUp> followUps) {

		public FollowUp latest() {
			return followUps.isEmpty() ? null : followUps.get(0);
		}

		/** The status of the latest follow-up; not started when there is none. */
		public MeasureStatus status() {
			return followUps.isEmpty() ? MeasureStatus.NOT_STARTED : followUps.get(0).status();
		}
	}

}
