package se.skyddsnat.region.nonjoined;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.region.NonJoinedResidentsMet;
import se.skyddsnat.region.NonJoinedResidentsVoided;
import se.skyddsnat.region.Notice;
import se.skyddsnat.region.Notices;
import se.skyddsnat.region.RegionLimits;
import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * Notices to non-joined municipalities, for the COORDINATOR role. Created in the
 * transaction that records the shift (a synchronous listener), so a shift and its notices
 * are stored together or not at all.
 */
@Service
@RequiredArgsConstructor
class NoticeService implements Notices {

	private final NoticeStore store;

	private final AuditLog audit;

	private final Clock clock;

	@EventListener
	void on(NonJoinedResidentsMet event) {
		store.insert(event);
	}

	/**
	 * A voided shift's or encounter's people leave its notices, in the transaction that
	 * voids them.
	 */
	@EventListener
	void on(NonJoinedResidentsVoided event) {
		store.voidPeople(event);
	}

	@Override
	public List<Notice> open() {
		return mayHandle() ? store.open() : List.of();
	}

	/**
	 * Every notice (open and closed), newest first; of one municipality, or of all
	 * ({@code municipality} null).
	 */
	List<Notice> all(MunicipalityCode municipality) {
		CurrentUser.require(Permission.HANDLE_NOTICES);
		return municipality == null ? store.all() : store.of(municipality);
	}

	Optional<Notice> find(long id) {
		CurrentUser.require(Permission.HANDLE_NOTICES);
		return store.find(id);
	}

	/**
	 * Open and closed notices per municipality, over all shifts; municipalities without
	 * notices are absent. For those who read the regional offer.
	 */
	Map<MunicipalityCode, Counts> countsByMunicipality() {
		CurrentUser.require(Permission.READ_REGIONAL_OFFER);
		return Collections.unmodifiableMap(store.counts());
	}

	@Override
	public Map<MunicipalityCode, Counts> countsByMunicipality(LocalDate from, LocalDate to) {
		CurrentUser.require(Permission.READ_REGIONAL_OFFER);
		DatePeriod.of(from, to);
		return Collections.unmodifiableMap(store.counts(from, to));
	}

	/**
	 * Records how and when the municipality was informed: the notice is closed. Fields in
	 * errors: informedOn, informedHow.
	 */
	@Transactional
	void close(long id, Informed informed) {
		CurrentUser user = CurrentUser.require(Permission.HANDLE_NOTICES);
		var in = Input.of(clock);
		in.requiredDate("informedOn", informed.on(), in.past(), "notice.error.informedOn");
		String how = in.required("informedHow", informed.how(), RegionLimits.NOTICE_INFORMED_HOW,
				"notice.error.informedHow");
		in.check();
		Notice notice = store.find(id).orElseThrow(() -> InvalidInput.of("id", "notice.error.notOpen"));
		if (!store.saveInformed(notice.informed(informed.on(), how), user.username())) {
			throw InvalidInput.of("id", "notice.error.notOpen"); // informed by someone
																	// else a moment ago
		}
		audit.record(AuditEvent.of(AuditKind.CHANGE)
			.subject(AuditSubject.NOTICE, id)
			.details(AuditDetails.of("notice.informed")));
	}

	/** Whether the current user handles the notices (the project leader, COORDINATOR). */
	boolean mayHandle() {
		return CurrentUser.get().map(u -> u.may(Permission.HANDLE_NOTICES)).orElse(false);
	}

}
