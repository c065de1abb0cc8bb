package se.skyddsnat.casework.trafficking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseStore;
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.casework.core.CaseworkProperties;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.shared.DateRange;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * The trafficking track of a case: protected housing, reflection period and temporary
 * residence permit, police and prosecutor contacts, IOM's voluntary return programme,
 * linking to the home municipality. Everyone who may see the case's records reads it
 * (audited, purpose {@code trafficking track}); only the case's own unit records. Each
 * record comes as a command of the text as typed, parsed here: dates are checked against
 * each other and against today from the injected clock, and every violation names its
 * field.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TraffickingTracks {

	/**
	 * A placement in protected housing as typed; {@code to} may be left open while it
	 * lasts.
	 */
	public record NewHousing(String from, String to, String provider) {
	}

	/**
	 * An application to Migrationsverket as typed, with its decision when already known.
	 */
	public record NewPermit(String kind, String appliedOn, String decision, String decidedOn, String validUntil) {
	}

	/**
	 * Migrationsverket's decision as typed; {@code validUntil} for a granted permit only.
	 */
	public record NewPermitDecision(String decision, String decidedOn, String validUntil) {
	}

	/** A police or prosecutor contact attended, as typed. */
	public record NewPoliceContact(String date, String kind, String note) {
	}

	/**
	 * An application to IOM's return programme as typed, with the (planned) return date
	 * if known.
	 */
	public record NewReturn(String appliedOn, String returnDate) {
	}

	/**
	 * A contact with the home municipality as typed: an SCB code from the register, or
	 * {@code abroad}.
	 */
	public record NewHomeMunicipalityLink(String municipality, String contactedOn, String note) {
	}

	static final ReadPurpose PURPOSE = ReadPurpose.TRAFFICKING_TRACK;

	private final TraffickingTrackStore store;

	private final CaseStore cases;

	private final CaseAccess access;

	private final AuditLog audit;

	private final Municipalities municipalities;

	private final CaseworkProperties properties;

	private final Clock clock;

	/**
	 * The track of a case the user may see (empty lists when nothing is recorded);
	 * audited.
	 */
	@Transactional
	public Optional<TraffickingTrack> find(long caseId) {
		var scope = access.scope();
		if (!access.caseVisible(scope, caseId)) {
			return Optional.empty();
		}
		access.requireRecords(scope, caseId);
		CaseFile c = cases.get(caseId);
		var track = new TraffickingTrack(caseId, c.kind(), access.inOwnUnit(scope, c.unit()), store.housing(caseId),
				store.permits(caseId), store.contacts(caseId), store.returns(caseId, properties.returnFollowUp()),
				store.homeLinks(caseId, this::municipalityName));
		audit.read(AuditSubject.CASE, caseId, PURPOSE);
		return Optional.of(track);
	}

	/** The municipalities a case can be linked to, by name. */
	public List<Municipality> municipalities() {
		return municipalities.all().stream().sorted(Comparator.comparing(Municipality::name)).toList();
	}

	/**
	 * Records a protected housing placement; {@code to} may be left open while it lasts.
	 */
	@Transactional
	public long addHousing(long caseId, NewHousing input) {
		requireOwn(caseId);
		var in = Input.of(clock);
		LocalDate from = in.requiredDate("from", input.from(), in.anyDate(), "track.error.housing.from");
		LocalDate to = notBefore(in, "to", input.to(), in.anyDate(), "track.error.housing.to", from);
		String provider = in.required("provider", input.provider(), CaseworkLimits.HOUSING_PROVIDER,
				"track.error.housing.provider");
		in.check();
		long id = store.insertHousing(caseId, from, to, provider, user());
		audit.change(AuditSubject.CASE, caseId, AuditDetails.of("track.housingAdded", id));
		return id;
	}

	/** Ends an open placement on {@code to} (not before it began). */
	@Transactional
	public void endHousing(long caseId, long housingId, String to) {
		requireOwn(caseId);
		HousingPlacement placement = store.placement(caseId, housingId).orElseThrow(CaseAccess::notFound);
		if (placement.to() != null) {
			throw InvalidInput.of("to", "track.error.housing.ended");
		}
		var in = Input.of(clock);
		LocalDate toDate = requiredNotBefore(in, "to", to, in.anyDate(), "track.error.housing.to", placement.from());
		in.check();
		store.endHousing(housingId, toDate);
		audit.change(AuditSubject.CASE, caseId, AuditDetails.of("track.housingEnded", housingId));
	}

	/**
	 * Records an application to Migrationsverket (a reflection period or a temporary
	 * residence permit), with its decision when already known. A newer application
	 * supersedes the older ones for the expiry reminder.
	 */
	@Transactional
	public long addPermit(long caseId, NewPermit input) {
		requireOwn(caseId);
		var in = Input.of(clock);
		PermitKind kind = in.requiredCode("kind", input.kind(), PermitKind.class, "track.error.permit.kind");
		LocalDate applied = in.requiredDate("appliedOn", input.appliedOn(), in.past(), "track.error.permit.appliedOn");
		Decision d = null;
		if (Input.blankToNull(input.decision()) != null || Input.blankToNull(input.decidedOn()) != null
				|| Input.blankToNull(input.validUntil()) != null) {
			d = decision(in, applied, new NewPermitDecision(input.decision(), input.decidedOn(), input.validUntil()));
		}
		in.check();
		long id = store.insertPermit(caseId, kind, applied, d == null ? null : d.decision(), d == null ? null : d.on(),
				d == null ? null : d.validUntil(), user());
		audit.change(AuditSubject.CASE, caseId,
				d == null ? AuditDetails.of("track.permit", id, AuditDetails.text("track.permit.kind." + kind.code()))
						: AuditDetails.of("track.permitDecided", id,
								AuditDetails.text("track.permit.kind." + kind.code()),
								AuditDetails.text("track.permit.decision." + d.decision().code())));
		return id;
	}

	/** Records Migrationsverket's decision on an application that has none yet. */
	@Transactional
	public void decidePermit(long caseId, long permitId, NewPermitDecision input) {
		requireOwn(caseId);
		Permit permit = store.permit(caseId, permitId).orElseThrow(CaseAccess::notFound);
		if (permit.decided()) {
			throw InvalidInput.of("decision", "track.error.permit.decided");
		}
		var in = Input.of(clock);
		Decision d = decision(in, permit.appliedOn(), input);
		in.check();
		store.decidePermit(permitId, d.decision(), d.on(), d.validUntil(), user());
		audit.change(AuditSubject.CASE, caseId, AuditDetails.of("track.permitDecision", permitId,
				AuditDetails.text("track.permit.decision." + d.decision().code())));
	}

	/**
	 * Records a police or prosecutor contact the worker attended (on or before today).
	 */
	@Transactional
	public long addContact(long caseId, NewPoliceContact input) {
		requireOwn(caseId);
		var in = Input.of(clock);
		LocalDate on = in.requiredDate("date", input.date(), in.past(), "track.error.contact.date");
		PoliceContactKind kind = in.requiredCode("kind", input.kind(), PoliceContactKind.class,
				"track.error.contact.kind");
		String note = in.text("note", input.note(), CaseworkLimits.TRACK_CONTACT_NOTE.max(), "track.error.note");
		in.check();
		long id = store.insertContact(caseId, on, kind, note, user());
		audit.change(AuditSubject.CASE, caseId,
				AuditDetails.of("track.contact", id, AuditDetails.text("track.contact.kind." + kind.code())));
		return id;
	}

	/**
	 * Records an application to IOM's voluntary return programme, with the (planned)
	 * return date if known.
	 */
	@Transactional
	public long applyForReturn(long caseId, NewReturn input) {
		requireOwn(caseId);
		var in = Input.of(clock);
		LocalDate applied = in.requiredDate("appliedOn", input.appliedOn(), in.past(), "track.error.return.appliedOn");
		LocalDate returned = notBefore(in, "returnDate", input.returnDate(), in.anyDate(),
				"track.error.return.returnDate", applied);
		in.check();
		long id = store.insertReturn(caseId, applied, returned, user());
		audit.change(AuditSubject.CASE, caseId, AuditDetails.of("track.returnApplied", id));
		return id;
	}

	/** Sets (or corrects) the return date while the follow-up is not yet done. */
	@Transactional
	public void recordReturn(long caseId, long returnId, String returnDate) {
		requireOwn(caseId);
		ReturnProgramme row = returnProgramme(caseId, returnId);
		if (row.followUpDone()) {
			throw InvalidInput.of("returnDate", "track.error.return.done");
		}
		var in = Input.of(clock);
		LocalDate returned = requiredNotBefore(in, "returnDate", returnDate, in.anyDate(),
				"track.error.return.returnDate", row.appliedOn());
		in.check();
		store.setReturnDate(returnId, returned);
		audit.change(AuditSubject.CASE, caseId, AuditDetails.of("track.returnDate", returnId));
	}

	/**
	 * Marks the follow-up after a return done (after the return, on or before today);
	 * ends its reminder.
	 */
	@Transactional
	public void followUpDone(long caseId, long returnId, String doneOn) {
		requireOwn(caseId);
		ReturnProgramme row = returnProgramme(caseId, returnId);
		if (row.followUpDone()) {
			throw InvalidInput.of("followUpDoneOn", "track.error.return.done");
		}
		if (row.returnDate() == null) {
			throw InvalidInput.of("followUpDoneOn", "track.error.return.notReturned");
		}
		var in = Input.of(clock);
		LocalDate done = requiredNotBefore(in, "followUpDoneOn", doneOn, in.past(), "track.error.return.followUpDoneOn",
				row.returnDate());
		in.check();
		store.followUpDone(returnId, done, user());
		audit.change(AuditSubject.CASE, caseId, AuditDetails.of("track.followUpDone", returnId));
	}

	/**
	 * Records contact with the person's home municipality (an SCB code from the register,
	 * or abroad).
	 */
	@Transactional
	public long linkHome(long caseId, NewHomeMunicipalityLink input) {
		requireOwn(caseId);
		var in = Input.of(clock);
		String code = Input.blankToNull(input.municipality());
		if (code == null || !code.equals(HomeMunicipalityLink.ABROAD)
				&& (!MunicipalityCode.isValid(code) || municipalities.find(MunicipalityCode.of(code)).isEmpty())) {
			in.reject("municipality", "track.error.home.municipality");
		}
		LocalDate on = in.requiredDate("contactedOn", input.contactedOn(), in.past(), "track.error.home.contactedOn");
		String note = in.text("note", input.note(), CaseworkLimits.TRACK_HOME_NOTE.max(), "track.error.note");
		in.check();
		long id = store.insertHomeLink(caseId, code, on, note, user());
		audit.change(AuditSubject.CASE, caseId,
				AuditDetails.of("track.homeContacted", AuditDetails.named("municipality", code)));
		return id;
	}

	private record Decision(PermitDecision decision, LocalDate on, LocalDate validUntil) {
	}

	/**
	 * A decision: made on or after the application and not in the future; a granted
	 * permit needs its end.
	 */
	private static Decision decision(Input in, LocalDate applied, NewPermitDecision input) {
		PermitDecision d = in.requiredCode("decision", input.decision(), PermitDecision.class,
				"track.error.permit.decision");
		LocalDate on = requiredNotBefore(in, "decidedOn", input.decidedOn(), in.past(), "track.error.permit.decidedOn",
				applied);
		LocalDate until = null;
		if (d == PermitDecision.REFUSED && Input.blankToNull(input.validUntil()) != null) {
			in.reject("validUntil", "track.error.permit.validUntil.refused");
		}
		else if (d == PermitDecision.GRANTED) {
			// not before the decision as typed, even when that date is itself refused
			until = in.requiredDate("validUntil", input.validUntil(),
					in.anyDate().from(Input.readDate(input.decidedOn())), "track.error.permit.validUntil");
		}
		return new Decision(d, on, d == PermitDecision.REFUSED ? null : until);
	}

	private ReturnProgramme returnProgramme(long caseId, long returnId) {
		return store.returnProgramme(caseId, returnId, properties.returnFollowUp()).orElseThrow(CaseAccess::notFound);
	}

	/**
	 * Visible, else 404; of the user's own unit, else 403 (a shared or emergency view
	 * reads but never records).
	 */
	private void requireOwn(long caseId) {
		var scope = access.scope();
		access.requireRecords(scope, caseId);
		if (!access.inOwnUnit(scope, cases.get(caseId).unit())) {
			throw new AccessDeniedException("Only the case's own unit records its trafficking track");
		}
	}

	private String municipalityName(String code) {
		if (HomeMunicipalityLink.ABROAD.equals(code) || !MunicipalityCode.isValid(code)) {
			return null;
		}
		return municipalities.find(MunicipalityCode.of(code)).map(Municipality::name).orElse(code);
	}

	/**
	 * An optional date in {@code range} and not before an earlier one: the message names
	 * that date when it is known ({@code messageKey}), or says it plainly
	 * ({@code messageKey.plain}).
	 */
	private static LocalDate notBefore(Input in, String field, String value, DateRange range, String messageKey,
			LocalDate earliest) {
		return earliest == null ? in.date(field, value, range, messageKey + ".plain")
				: in.date(field, value, range.from(earliest), messageKey, earliest.toString());
	}

	private static LocalDate requiredNotBefore(Input in, String field, String value, DateRange range, String messageKey,
			LocalDate earliest) {
		return earliest == null ? in.requiredDate(field, value, range, messageKey + ".plain")
				: in.requiredDate(field, value, range.from(earliest), messageKey, earliest.toString());
	}

	private static String user() {
		return CurrentUser.require().username();
	}

}
