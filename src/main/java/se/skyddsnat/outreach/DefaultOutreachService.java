package se.skyddsnat.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.region.CostSplits;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.region.NonJoinedResidentsMet;
import se.skyddsnat.region.NonJoinedResidentsVoided;
import se.skyddsnat.region.RegionalOfferStatus;
import se.skyddsnat.shared.Keyset;
import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * Outreach's services: permission, the stores ({@link Shifts},
 * {@link StatisticsQueries}), audit, and the events a stored shift publishes. The history
 * import reads its files with {@link ImportReader} and stores each shift as the form
 * does.
 */
@Service
@RequiredArgsConstructor
class DefaultOutreachService implements OutreachService {

	private final Shifts shifts;

	private final StatisticsQueries statistics;

	private final UnitDirectory units;

	private final Municipalities municipalities;

	private final CostSplits costSplits;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final OutreachProperties properties;

	private final Clock clock;

	/** A parser that knows today's units and municipalities. */
	ShiftParser parser() {
		return new ShiftParser(units.all().stream().map(u -> u.code()).collect(Collectors.toSet()),
				municipalities.all().stream().map(Municipality::code).collect(Collectors.toSet()), clock);
	}

	@Override
	@Transactional
	public long record(NewShift shift) {
		CurrentUser user = CurrentUser.require();
		if (!user.may(Permission.RECORD_SHIFTS)) {
			throw new AccessDeniedException("Only caseworkers and managers record shifts");
		}
		if (shift.units().stream().noneMatch(user::belongsTo)) {
			throw InvalidInput.of("units", "outreach.error.notYourUnit");
		}
		if (shift.encounters().isEmpty() && shift.kind() == null) {
			throw InvalidInput.of("kind", "outreach.error.required");
		}
		var stored = store(shift, user.username(), false, false);
		audit.record(AuditEvent.of(AuditKind.CHANGE)
			.subject(AuditSubject.SHIFT, stored.shiftId())
			.details(AuditDetails.of("shift.recorded", shift.encounters().size())));
		return stored.shiftId();
	}

	@Override
	@Transactional
	public void voidShift(long id, String reason) {
		CurrentUser user = CurrentUser.require();
		ShiftView shift = voidable(user, id);
		String why = voidReason(reason);
		if (shift.voided() || !shifts.voidShift(id, user.username(), why)) {
			throw new AlreadyVoided();
		}
		LocalDate today = LocalDate.now(clock);
		events.publishEvent(new EncountersVoided(id, shift.counted().stream().map(ShiftView.Encounter::id).toList(),
				today, user.username()));
		events.publishEvent(new NonJoinedResidentsVoided(id, null, 0, 0, 0, today, user.username()));
		audit.record(AuditEvent.of(AuditKind.CHANGE)
			.subject(AuditSubject.SHIFT, id)
			.details(AuditDetails.of("shift.voided", shift.counted().size())));
	}

	@Override
	@Transactional
	public void voidEncounter(long encounterId, String reason) {
		CurrentUser user = CurrentUser.require();
		long shiftId = shifts.shiftOf(encounterId).orElseThrow(DefaultOutreachService::notFound);
		ShiftView shift = voidable(user, shiftId);
		String why = voidReason(reason);
		ShiftView.Encounter e = shift.encounters()
			.stream()
			.filter(x -> x.id() == encounterId)
			.findFirst()
			.orElseThrow(DefaultOutreachService::notFound);
		if (shift.voided() || e.voided() || !shifts.voidEncounter(encounterId, user.username(), why)) {
			throw new AlreadyVoided();
		}
		LocalDate today = LocalDate.now(clock);
		events.publishEvent(new EncountersVoided(shiftId, List.of(encounterId), today, user.username()));
		if (e.home().municipality() != null) {
			events.publishEvent(new NonJoinedResidentsVoided(shiftId, e.home().municipality(),
					e.role() == EncounterRole.EXPOSED ? 1 : 0, e.role() == EncounterRole.BUYER ? 1 : 0,
					e.role() == EncounterRole.OTHER ? 1 : 0, today, user.username()));
		}
		audit.record(AuditEvent.of(AuditKind.CHANGE)
			.subject(AuditSubject.SHIFT, shiftId)
			.details(AuditDetails.of("encounter.voided", encounterId)));
	}

	/**
	 * The shift for a user who may void it: 404 for a shift of other units, 403 for a
	 * role that does not record.
	 */
	private ShiftView voidable(CurrentUser user, long id) {
		ShiftView shift = shifts.find(id)
			.filter(s -> s.units().stream().anyMatch(user::belongsTo))
			.orElseThrow(DefaultOutreachService::notFound);
		if (!user.may(Permission.RECORD_SHIFTS)) {
			throw new AccessDeniedException("Only caseworkers and managers correct shifts");
		}
		return shift;
	}

	private String voidReason(String reason) {
		var in = Input.of(clock);
		String why = in.required("reason", reason, OutreachLimits.VOID_REASON, "outreach.error.voidReason");
		in.check();
		return why;
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	@Override
	@Transactional // not read-only: the read is audited
	public Optional<ShiftView> find(long id) {
		CurrentUser user = CurrentUser.require();
		if (!user.may(Permission.RECORD_SHIFTS)) {
			return Optional.empty();
		}
		Optional<ShiftView> shift = shifts.find(id).filter(s -> s.units().stream().anyMatch(user::belongsTo));
		shift.ifPresent(s -> audit.read(AuditSubject.SHIFT, id, ReadPurpose.VIEW));
		return shift;
	}

	@Override
	@Transactional
	public Optional<ShiftView> findByEncounter(long encounterId) {
		return shifts.shiftOf(encounterId).flatMap(this::find);
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Map<Long, ShiftView.Met> met(java.util.Collection<Long> encounterIds) {
		return CurrentUser.get().map(u -> shifts.met(encounterIds, u.units())).orElse(java.util.Map.of());
	}

	@Override
	@Transactional(readOnly = true)
	public Keyset.Page<ShiftView.Summary> recent(Keyset.Request page) {
		CurrentUser user = CurrentUser.require();
		if (!user.may(Permission.RECORD_SHIFTS) || user.units().isEmpty()) {
			return new Keyset.Page<>(List.of(), null, null);
		}
		return shifts.recent(user.units(), page);
	}

	@Override
	@Transactional(readOnly = true)
	public OutreachStatistics statistics(LocalDate from, LocalDate to, ShiftKind kind) {
		requireStatistics(from, to);
		return statistics.compute(from, to, kind, properties.weeklyTarget());
	}

	@Override
	public PublishedStatistics publish(LocalDate from, LocalDate to, ShiftKind kind, boolean suppress) {
		requireStatistics(from, to);
		if (!suppress) {
			OutreachStatistics figures = statistics.compute(from, to, kind, properties.weeklyTarget());
			return PublishedStatistics.exact(figures,
					() -> statistics.compute(from, to, ShiftKind.JOINT, properties.weeklyTarget()));
		}
		// the usage report's row "outside the offer area" is part of the one table of the
		// period
		Set<String> area = costSplits.forYear(to.getYear(), null)
			.rows()
			.stream()
			.map(r -> r.code().value())
			.collect(Collectors.toSet());
		var kinds = statistics.computeKinds(from, to, properties.weeklyTarget());
		return PublishedStatistics.suppressed(kinds.joint(), kinds.own(), kinds.all(), kind, area);
	}

	/**
	 * The figures for a file that leaves the system: the same rules as {@link #publish},
	 * and the export is audited (period, kind, format and whether small counts were
	 * suppressed; no personal data).
	 */
	public PublishedStatistics publishForExport(LocalDate from, LocalDate to, ShiftKind kind, String format,
			boolean suppress) {
		PublishedStatistics figures = publish(from, to, kind, suppress);
		audit.record(AuditEvent.of(AuditKind.READ)
			.subject(AuditSubject.OUTREACH_STATISTICS, from + ".." + to)
			.purpose(ReadPurpose.EXPORT)
			.details(AuditDetails.of(suppress ? "statistics.exportSuppressed" : "statistics.export",
					format.toUpperCase(java.util.Locale.ROOT),
					AuditDetails.text(kind == null ? "audit.kind.allShifts" : "outreach.kind." + kind.code()))));
		return figures;
	}

	private void requireStatistics(LocalDate from, LocalDate to) {
		CurrentUser user = CurrentUser.require();
		if (!user.may(Permission.READ_STATISTICS)) {
			throw new AccessDeniedException("Statistics are for coordinators, managers and analysts");
		}
		DatePeriod.of(from, to, LocalDate.now(clock));
		if (from.plusYears(20).isBefore(to)) {
			throw InvalidInput.of("from", "outreach.error.period.long");
		}
	}

	@Override
	@Transactional
	public ImportResult importHistory(ImportFile shiftsCsv, ImportFile encountersCsv, boolean dryRun,
			BiConsumer<Integer, Integer> progress) {
		CurrentUser user = CurrentUser.require();
		if (!user.may(Permission.IMPORT_HISTORY)) {
			throw new AccessDeniedException("Imports are for administrators, coordinators and managers");
		}
		List<NewShift> parsed = new ImportReader(parser(), shifts).read(shiftsCsv, encountersCsv);
		LocalDate historicalBefore = LocalDate.now(clock).minusDays(properties.historicalAfter().toDays());
		int encounters = 0;
		int tasks = 0;
		int notices = 0;
		int historical = 0;
		var offerStatus = municipalities.offerStatusBook();
		for (int from = 0; from < parsed.size(); from += IMPORT_BATCH) {
			List<NewShift> batch = parsed.subList(from, Math.min(parsed.size(), from + IMPORT_BATCH));
			for (NewShift shift : batch) {
				historical += shift.date().isBefore(historicalBefore) ? 1 : 0;
				encounters += shift.encounters().size();
			}
			if (dryRun) {
				for (NewShift shift : batch) {
					tasks += 2 * (int) shift.encounters().stream().filter(NewEncounter::isMinor).count();
					notices += nonJoinedHomes(shift, offerStatus).size();
				}
			}
			else {
				var stored = storeAll(batch, user.username(), historicalBefore, offerStatus);
				tasks += 2 * stored.minors();
				notices += stored.notices();
			}
			if (progress != null) {
				progress.accept(from + batch.size(), parsed.size());
			}
		}
		if (!dryRun) {
			audit.record(AuditEvent.of(AuditKind.CHANGE)
				.subject(AuditSubject.SHIFT_IMPORT, null)
				.details(AuditDetails.of("shift.imported", parsed.size(), encounters)));
		}
		return new ImportResult(parsed.size(), encounters, tasks, notices, historical, dryRun);
	}

	record Stored(long shiftId, int minors, int notices) {
	}

	/** Shifts an import stores in one round of COPY. */
	private static final int IMPORT_BATCH = 2_000;

	/**
	 * Stores imported shifts as {@link #store} does one, in bulk: the rows by COPY, the
	 * children's tasks in one event ({@link MinorsEncountered}), a notice per non-joined
	 * home municipality of each shift.
	 */
	private Stored storeAll(List<NewShift> batch, String recordedBy, LocalDate historicalBefore,
			BiFunction<MunicipalityCode, LocalDate, Optional<RegionalOfferStatus>> offerStatus) {
		Map<String, Long> ids = shifts.insertAll(batch, recordedBy, false);
		var minorIds = shifts.minorEncounters(ids.values());
		var minors = new ArrayList<MinorEncountered>();
		int notices = 0;
		for (NewShift shift : batch) {
			long id = ids.get(shift.ref());
			boolean old = shift.date().isBefore(historicalBefore);
			for (int i = 0; i < shift.encounters().size(); i++) {
				NewEncounter e = shift.encounters().get(i);
				if (e.isMinor()) {
					minors.add(minorEncountered(shift, id, minorIds.get(id).get(i + 1), e, old));
				}
			}
			var nonJoined = nonJoinedHomes(shift, offerStatus);
			nonJoined.forEach((code, counts) -> events
				.publishEvent(new NonJoinedResidentsMet(id, shift.date(), code, counts[0], counts[1], counts[2], old)));
			notices += nonJoined.size();
		}
		if (!minors.isEmpty()) {
			events.publishEvent(new MinorsEncountered(minors));
		}
		return new Stored(0, minors.size(), notices);
	}

	private static MinorEncountered minorEncountered(NewShift shift, long shiftId, long encounterId, NewEncounter e,
			boolean historical) {
		UnitCode unit = e.offeredBy() != null ? e.offeredBy() : shift.units().getFirst();
		MunicipalityCode reportTo = e.home().municipality() != null ? e.home().municipality() : shift.municipality();
		return new MinorEncountered(shiftId, encounterId, shift.date(), unit, reportTo, historical);
	}

	/**
	 * Stores a shift and publishes what follows from it, in the caller's transaction: a
	 * task pair per child met, a notice per non-joined home municipality.
	 */
	Stored store(NewShift shift, String recordedBy, boolean historical, boolean synthetic) {
		long id = shifts.insert(shift, recordedBy, synthetic);
		int minors = 0;
		for (int i = 0; i < shift.encounters().size(); i++) {
			NewEncounter e = shift.encounters().get(i);
			long encounterId = shifts.insertEncounter(id, i + 1, e);
			if (e.isMinor()) {
				minors++;
				events.publishEvent(minorEncountered(shift, id, encounterId, e, historical));
			}
		}
		var nonJoined = nonJoinedHomes(shift, municipalities::offerStatusOn);
		nonJoined.forEach((code, counts) -> events.publishEvent(
				new NonJoinedResidentsMet(id, shift.date(), code, counts[0], counts[1], counts[2], historical)));
		return new Stored(id, minors, nonJoined.size());
	}

	/**
	 * Home municipalities (not the host) that had not joined the offer on the shift's
	 * date, with counts by role.
	 */
	private Map<MunicipalityCode, int[]> nonJoinedHomes(NewShift shift,
			BiFunction<MunicipalityCode, LocalDate, Optional<RegionalOfferStatus>> offerStatus) {
		var counts = new LinkedHashMap<MunicipalityCode, int[]>();
		var status = new HashMap<MunicipalityCode, RegionalOfferStatus>();
		for (NewEncounter e : shift.encounters()) {
			MunicipalityCode home = e.home().municipality();
			if (home == null) {
				continue;
			}
			var s = status.computeIfAbsent(home,
					c -> offerStatus.apply(c, shift.date()).orElse(RegionalOfferStatus.UNKNOWN));
			if (s.outside()) {
				counts.computeIfAbsent(home, c -> new int[3])[e.role().ordinal()]++;
			}
		}
		return counts;
	}

}
