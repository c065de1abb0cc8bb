package se.skyddsnat.casework.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.CasePerson;
import se.skyddsnat.casework.Person;
import se.skyddsnat.casework.web.CaseSection;

/**
 * The case page's part for referrals and consents
 * ({@code casework/referrals :: section}).
 */
@Component
@RequiredArgsConstructor
class ReferralSection implements CaseSection {

	/**
	 * What the section shows: the case's referrals and consents (each consent with its
	 * person), and whether the user may change them.
	 */
	record View(List<Referral> referrals, List<ConsentRow> consents, boolean ownUnit) {
	}

	record ConsentRow(Consent consent, Person person) {
	}

	private final Referrals referrals;

	private final Clock clock;

	@Override
	public String template() {
		return "casework/referrals";
	}

	@Override
	public String printFragment() {
		return "casework/case-print :: referrals";
	}

	@Override
	public int order() {
		return 60;
	}

	/**
	 * The receiving unit of a handover sees its referral here (the consents only for the
	 * case's own unit).
	 */
	@Override
	public boolean caseRecords() {
		return false;
	}

	@Override
	public Map<String, Object> model(CaseFile caseFile) {
		Map<Long, Person> people = caseFile.people()
			.stream()
			.map(CasePerson::person)
			.collect(Collectors.toMap(Person::id, Function.identity(), (a, b) -> a));
		List<ConsentRow> consents = caseFile.handoverOnly() ? List.of()
				: referrals.consents(caseFile.id())
					.stream()
					.map(c -> new ConsentRow(c, people.get(c.personId())))
					.toList();
		boolean ownUnit = CurrentUser.require().belongsTo(caseFile.unit());
		return Map.of("referralView", new View(referrals.ofCase(caseFile.id()), consents, ownUnit), "consentForm",
				new ConsentForm(), "consentKinds", ConsentKind.values(), "consentToday", LocalDate.now(clock));
	}

}
