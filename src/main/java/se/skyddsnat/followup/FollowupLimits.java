package se.skyddsnat.followup;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;
import se.skyddsnat.shared.TextLimit;

/**
 * The longest text each field of the follow-up takes: the form's maxlength, the service's
 * check, the column.
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum FollowupLimits implements TextLimit {

	PROGRAMME_NAME(300, "followup.programmes.name"), PROGRAMME_GOALS(4000, "followup.programmes.goals"),
	PLAN_NAME(300, "followup.action_plans.name"), MEASURE_TEXT(2000, "followup.measures.text"),
	MEASURE_OWNER(200, "followup.measures.owner"), FOLLOWUP_ACCOUNT(2000, "followup.measure_followups.account"),
	ASSIGNMENT_TEXT(2000, "followup.budget_assignments.text"),
	ASSIGNMENT_COMMITTEE(200, "followup.budget_assignments.committee"),
	STATUS_REPORT_ACCOUNT(4000, "followup.status_reports.account"),
	STATUS_REPORT_REPORT(200, "followup.status_reports.report"), MANUAL_SOURCE(300, "followup.manual_figures.source"),
	GRANT_GRANTOR(200, "followup.grants.grantor"), GRANT_PURPOSE(2000, "followup.grants.purpose"),
	GRANT_POSITIONS(300, "followup.grants.positions"), GRANT_CONDITIONS(2000, "followup.grants.conditions");

	private final int max;

	private final String column;

}
