package se.skyddsnat.casework.referral;

import lombok.Getter;
import lombok.Setter;

/**
 * What a referral's page sends with a transition: the summary and a manager's override
 * reason (send), the reason (decline), a note (close).
 */
@Getter
@Setter
public class ReferralActionForm {

	private String summary;

	private String overrideReason;

	private String reason;

	private String note;

	private String deliveredHow;

	private String deliveredOn;

	private String answerOn;

	private String answerText;

}
