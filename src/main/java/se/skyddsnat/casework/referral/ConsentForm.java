package se.skyddsnat.casework.referral;

import lombok.Getter;
import lombok.Setter;

/** The consent form on the case page as typed. */
@Getter
@Setter
public class ConsentForm {

	private Long personId;

	private String kind;

	private String givenOn;

	private String scope;

	Referrals.NewConsent toNewConsent() {
		return new Referrals.NewConsent(personId, kind, givenOn, scope);
	}

}
