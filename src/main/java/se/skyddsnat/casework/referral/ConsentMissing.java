package se.skyddsnat.casework.referral;

import java.util.List;

/**
 * An external referral cannot be sent: some of its people have no recorded consent, and
 * no manager has overridden with a written reason. Names only the person ids (never
 * names).
 */
public class ConsentMissing extends ReferralRefused {

	private final transient List<Long> personIds;

	public ConsentMissing(List<Long> personIds, int total) {
		super("referral.refused.consent", personIds.size(), total);
		this.personIds = List.copyOf(personIds);
	}

	public List<Long> personIds() {
		return personIds;
	}

	@Override
	public java.util.Map<String, Object> properties() {
		return java.util.Map.of("personIdsWithoutConsent", personIds);
	}

}
