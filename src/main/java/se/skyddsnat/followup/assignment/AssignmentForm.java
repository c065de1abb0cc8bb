package se.skyddsnat.followup.assignment;

import lombok.Getter;
import lombok.Setter;

/**
 * An assignment (year, text, committee) or a status report (date, account, report) as
 * typed.
 */
@Getter
@Setter
public class AssignmentForm {

	private String year;

	private String text;

	private String committee;

	private String date;

	private String account;

	private String report;

}
