package se.skyddsnat.region.consultation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.Unit;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.region.Consultations;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * Consultations in individual cases that the units give to professionals of the
 * municipalities (part of the regional offer). Staff log them for their own units;
 * coordinators, managers, analysts and administrators see all of them, a caseworker those
 * of their units. No client data is ever stored.
 */
@Service
class ConsultationService implements Consultations {

	static final int MAX_MINUTES = 600;

	private final ConsultationStore store;

	private final Municipalities municipalities;

	private final AuditLog audit;

	private final Clock clock;

	private final UnitDirectory units;

	ConsultationService(ConsultationStore store, Municipalities municipalities, AuditLog audit, Clock clock,
			UnitDirectory units) {
		this.units = units;
		this.store = store;
		this.municipalities = municipalities;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The units the current user may log consultations for; empty when they may not log
	 * any. The project leader (who keeps the regional offer and logs consultations,
	 * without a unit of their own) gives consultations on behalf of the offer: for any
	 * active unit.
	 */
	List<UnitCode> unitsForLogging() {
		var user = CurrentUser.require();
		if (!user.may(Permission.LOG_CONSULTATIONS)) {
			return List.of();
		}
		if (user.units().isEmpty() && user.may(Permission.MANAGE_REGIONAL_OFFER)) {
			return units.all().stream().filter(Unit::active).map(Unit::code).toList();
		}
		return List.copyOf(user.units());
	}

	/**
	 * Logs a consultation for one of the current user's units. Fields in errors: date,
	 * municipality, unit, channel, topic, minutes; every one that is missing, unreadable
	 * or wrong at once.
	 */
	@Transactional
	long log(NewConsultation c) {
		var user = CurrentUser.require(Permission.LOG_CONSULTATIONS);
		if (c.unit() != null && !unitsForLogging().contains(c.unit())) {
			throw new AccessDeniedException("Not a member of the unit");
		}
		var in = Input.of(clock);
		in.requiredDate("date", c.date(), in.past(), "consultation.error.date");
		if (c.municipality() == null || municipalities.find(c.municipality()).isEmpty()) {
			in.reject("municipality", "consultation.error.municipality");
		}
		if (c.unit() == null) {
			in.reject("unit", "consultation.error.unit");
		}
		if (c.channel() == null) {
			in.reject("channel", "consultation.error.channel");
		}
		if (c.topic() == null) {
			in.reject("topic", "consultation.error.topic");
		}
		if (c.minutes() == null || c.minutes() < 1 || c.minutes() > MAX_MINUTES) {
			in.reject("minutes", "consultation.error.minutes", MAX_MINUTES);
		}
		in.check();
		long id = store.insert(c, user.username());
		audit.change(AuditSubject.CONSULTATION, id, AuditDetails.of("consultation.logged"));
		return id;
	}

	/**
	 * The consultations in a period (both dates inclusive), newest first, optionally for
	 * one municipality: all of them for those who read the regional offer, those of the
	 * caller's units for those who log consultations.
	 */
	List<Consultation> list(LocalDate from, LocalDate to, MunicipalityCode municipality) {
		var user = CurrentUser.require();
		boolean all = user.may(Permission.READ_REGIONAL_OFFER);
		if (!all && !user.may(Permission.LOG_CONSULTATIONS)) {
			throw new AccessDeniedException("No role that reads consultations");
		}
		DatePeriod.of(from, to, LocalDate.now(clock));
		if (!all && user.units().isEmpty()) {
			return List.of();
		}
		return store.list(from, to, municipality, all ? null : user.units());
	}

	@Override
	public Map<MunicipalityCode, Long> countByMunicipality(LocalDate from, LocalDate to) {
		if (CurrentUser.require().roles().isEmpty()) {
			throw new AccessDeniedException("No role");
		}
		DatePeriod.of(from, to, LocalDate.now(clock));
		return Collections.unmodifiableMap(store.countByMunicipality(from, to));
	}

}
