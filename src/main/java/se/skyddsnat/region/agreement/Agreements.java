package se.skyddsnat.region.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.region.RegionLimits;
import se.skyddsnat.region.RegionalOfferStatus;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * Agreement history per municipality: who had joined the regional offer when, and for
 * which services. Everyone may read it (it is about municipalities, not people);
 * COORDINATOR and ADMIN record new, ended and changed agreements, audited. Periods of one
 * municipality never overlap.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Agreements {

	private final AgreementStore store;

	private final AuditLog audit;

	private final Clock clock;

	/** The municipality's agreements, oldest first. */
	public List<Agreement> history(MunicipalityCode code) {
		return store.history(code);
	}

	/**
	 * Each municipality's status in the offer on the date, from one read of every
	 * agreement.
	 */
	public Map<MunicipalityCode, RegionalOfferStatus> statusOn(List<Municipality> municipalities, LocalDate date) {
		Map<MunicipalityCode, List<Agreement>> history = byMunicipality();
		return municipalities.stream()
			.collect(Collectors.toMap(Municipality::code, m -> AgreementHistory.statusOn(m.regionalOffer2022(),
					history.getOrDefault(m.code(), List.of()), date)));
	}

	/**
	 * Those of the municipalities that had joined (or host the offer) on at least one day
	 * of the year.
	 */
	public Set<MunicipalityCode> joinedDuring(List<Municipality> municipalities, int year) {
		Map<MunicipalityCode, List<Agreement>> history = byMunicipality();
		return municipalities.stream()
			.filter(m -> AgreementHistory.joinedDuring(m.regionalOffer2022(), history.getOrDefault(m.code(), List.of()),
					year))
			.map(Municipality::code)
			.collect(Collectors.toSet());
	}

	/**
	 * Records a new agreement. Fields in errors: startsOn, endsOn, services, note
	 * (municipality: none, or the host).
	 */
	@Transactional
	public long start(MunicipalityCode code, NewAgreement agreement) {
		CurrentUser user = CurrentUser.require(Permission.MANAGE_REGIONAL_OFFER);
		lock(code);
		var in = Input.of(clock);
		in.requiredDate("startsOn", agreement.startsOn(), in.anyDate(), "agreement.error.startsOn");
		in.date("endsOn", agreement.endsOn(), in.anyDate(), "agreement.error.endsOn");
		if (agreement.services().isEmpty()) {
			in.reject("services", "agreement.error.services");
		}
		if (in.ok() && agreement.endsOn() != null && agreement.endsOn().isBefore(agreement.startsOn())) {
			in.reject("endsOn", "agreement.error.endsBeforeStart");
		}
		String note = in.text("note", agreement.note(), RegionLimits.AGREEMENT_NOTE.max(), "agreement.error.note");
		if (in.ok()) {
			store.history(code)
				.stream()
				.filter(a -> a.overlaps(agreement.startsOn(), agreement.endsOn()))
				.findFirst()
				.ifPresent(a -> in.reject("startsOn", "agreement.error.overlap", a.firstKnownDay(),
						a.endsOn() == null ? "–" : a.endsOn()));
		}
		in.check();
		long id = store.insert(code, agreement.startsOn(), agreement.endsOn(), agreement.services(), note,
				user.username());
		audit.change(AuditSubject.AGREEMENT, id,
				AuditDetails.of("agreement.started", AuditDetails.named("municipality", code), agreement.startsOn(),
						agreement.services().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
		return id;
	}

	/**
	 * Ends an open agreement: {@code endsOn} is its last day in force (may lie ahead: a
	 * notice of termination).
	 */
	@Transactional
	public void end(long agreementId, LocalDate endsOn) {
		CurrentUser.require(Permission.MANAGE_REGIONAL_OFFER);
		Agreement agreement = store.find(agreementId)
			.orElseThrow(() -> InvalidInput.of("id", "agreement.error.missing"));
		lock(agreement.municipality());
		var in = Input.of(clock);
		in.requiredDate("endsOn", endsOn, in.anyDate(), "agreement.error.endsOn");
		in.check();
		store.saveEnd(agreement.endedOn(endsOn));
		audit.change(AuditSubject.AGREEMENT, agreementId, AuditDetails.of("agreement.ended",
				AuditDetails.named("municipality", agreement.municipality()), endsOn));
	}

	/**
	 * A change of services from a date: the open agreement ends the day before and a new
	 * one with the new services starts on the date, so the history shows what applied
	 * when.
	 */
	@Transactional
	public long changeServices(MunicipalityCode code, ServiceChange change) {
		CurrentUser.require(Permission.MANAGE_REGIONAL_OFFER);
		lock(code);
		Agreement open = store.history(code)
			.stream()
			.filter(Agreement::open)
			.findFirst()
			.orElseThrow(() -> InvalidInput.of("from", "agreement.error.noOpen"));
		var in = Input.of(clock);
		in.requiredDate("from", change.from(), in.anyDate(), "agreement.error.changeFrom", open.firstKnownDay());
		in.check();
		if (!change.from().isAfter(open.firstKnownDay())) {
			throw InvalidInput.of("from", "agreement.error.changeFrom", open.firstKnownDay());
		}
		if (change.services().isEmpty()) {
			throw InvalidInput.of("services", "agreement.error.services");
		}
		end(open.id(), change.from().minusDays(1));
		return start(code, new NewAgreement(change.from(), null, change.services(), null));
	}

	private Map<MunicipalityCode, List<Agreement>> byMunicipality() {
		return store.all().stream().collect(Collectors.groupingBy(Agreement::municipality));
	}

	/**
	 * Serialises changes per municipality (no overlapping periods from two simultaneous
	 * saves); never the host.
	 */
	private void lock(MunicipalityCode code) {
		RegionalOfferStatus status = store.lock(code)
			.orElseThrow(() -> InvalidInput.of("municipality", "agreement.error.municipality"));
		if (status == RegionalOfferStatus.HOST) {
			throw InvalidInput.of("municipality", "agreement.error.host");
		}
	}

}
