package se.skyddsnat.followup.grant;

import lombok.Getter;
import lombok.Setter;

/** A grant as typed, and the date of an approval or a payment received. */
@Getter
@Setter
public class GrantForm {

	private String grantor;

	private String decidedOn;

	private String amount;

	private String purpose;

	private String from;

	private String to;

	private String positions;

	private String conditions;

	private String reportDue;

	private String withheldPercent = "20";

	private String date;

	Grants.NewGrant grant() {
		return new Grants.NewGrant(grantor, decidedOn, amount, purpose, from, to, positions, conditions, reportDue,
				withheldPercent);
	}

}
