package se.skyddsnat.followup.grant;

import se.skyddsnat.shared.Refused;

/**
 * A payment on the final report's approval cannot be received before the report is
 * approved.
 */
class PaymentWithheld extends Refused {

	PaymentWithheld() {
		super(409, "followup.grant.error.withheld");
	}

}
