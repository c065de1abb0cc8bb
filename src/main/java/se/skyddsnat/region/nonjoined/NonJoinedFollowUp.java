package se.skyddsnat.region.nonjoined;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.region.Notices;
import se.skyddsnat.region.RegionLimits;
import se.skyddsnat.region.RegionalOfferStatus;
import se.skyddsnat.region.agreement.Agreements;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * The follow-up of the municipalities outside the regional offer: their notices, the
 * dialogue with them, and a warning when none of them has been contacted for more than a
 * year. COORDINATOR and ADMIN record contacts; MANAGER and ANALYST read.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class NonJoinedFollowUp {

	/** A municipality outside the offer should be reminded of it at least this often. */
	public static final Period CONTACT_INTERVAL = Period.ofYears(1);

	private final DialogueStore dialogue;

	private final Municipalities municipalities;

	private final Agreements agreements;

	private final NoticeService notices;

	private final AuditLog audit;

	private final Clock clock;

	/** Every municipality whose status today is NOT_JOINED or UNKNOWN, by code. */
	public List<NonJoinedMunicipality> overview() {
		CurrentUser.require(Permission.READ_REGIONAL_OFFER);
		LocalDate today = LocalDate.now(clock);
		Map<MunicipalityCode, Notices.Counts> counts = notices.countsByMunicipality();
		Map<MunicipalityCode, LocalDate> lastContacts = dialogue.lastContacts();
		List<Municipality> all = municipalities.all();
		Map<MunicipalityCode, RegionalOfferStatus> status = agreements.statusOn(all, today);
		var result = new ArrayList<NonJoinedMunicipality>();
		for (Municipality m : all) {
			if (status.get(m.code()).outside()) {
				var c = counts.getOrDefault(m.code(), new Notices.Counts(0, 0));
				LocalDate last = lastContacts.get(m.code());
				result.add(new NonJoinedMunicipality(m.code(), m.name(), status.get(m.code()), c.open(), c.closed(),
						last, contactStatus(last, today)));
			}
		}
		return result;
	}

	/**
	 * One municipality of the {@link #overview()}; empty when it has joined (or does not
	 * exist).
	 */
	public Optional<NonJoinedMunicipality> find(MunicipalityCode code) {
		return overview().stream().filter(m -> m.code().equals(code)).findFirst();
	}

	/** The dialogue with a municipality, newest contact first. */
	public List<DialogueEntry> dialogue(MunicipalityCode code) {
		CurrentUser.require(Permission.READ_REGIONAL_OFFER);
		return dialogue.entries(code);
	}

	/** Whether the current user may record contacts (COORDINATOR or ADMIN). */
	public boolean mayRecord() {
		return CurrentUser.get().map(u -> u.may(Permission.MANAGE_REGIONAL_OFFER)).orElse(false);
	}

	/**
	 * Records a contact with a municipality outside the offer. Fields in errors:
	 * contactedOn, contact, outcome.
	 */
	@Transactional
	public long recordContact(MunicipalityCode municipality, NewDialogueEntry entry) {
		var user = CurrentUser.require(Permission.MANAGE_REGIONAL_OFFER);
		var in = Input.of(clock);
		if (municipality == null || find(municipality).isEmpty()) {
			in.reject("municipality", "dialogue.error.municipality");
		}
		in.requiredDate("contactedOn", entry.contactedOn(), in.past(), "dialogue.error.contactedOn");
		String who = in.required("contact", entry.contact(), RegionLimits.DIALOGUE_CONTACT, "dialogue.error.contact");
		String what = in.required("outcome", entry.outcome(), RegionLimits.DIALOGUE_OUTCOME, "dialogue.error.outcome");
		in.check();
		long id = dialogue.insert(municipality, entry.contactedOn(), who, what, user.username(), user.displayName());
		audit.change(AuditSubject.DIALOGUE_ENTRY, id,
				AuditDetails.of("dialogue.contact", AuditDetails.named("municipality", municipality.value())));
		return id;
	}

	private static NonJoinedMunicipality.ContactStatus contactStatus(LocalDate last, LocalDate today) {
		if (last == null) {
			return NonJoinedMunicipality.ContactStatus.NEVER;
		}
		return last.isBefore(today.minus(CONTACT_INTERVAL)) ? NonJoinedMunicipality.ContactStatus.OVER_A_YEAR
				: NonJoinedMunicipality.ContactStatus.RECENT;
	}

}
