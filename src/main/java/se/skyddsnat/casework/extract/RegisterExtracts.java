package se.skyddsnat.casework.extract;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEntry;
import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditReview;
import se.skyddsnat.audit.AuditReview.Subject;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.extract.RegisterExtract.Entry;
import se.skyddsnat.casework.extract.RegisterExtract.Field;
import se.skyddsnat.casework.extract.RegisterExtract.Note;
import se.skyddsnat.casework.extract.RegisterExtract.Section;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.PersonalNumber;

/**
 * The register extract (GDPR art. 15), the one audited path across the units' need to
 * know: a user in one of the configured roles ({@link ExtractProperties}) names a
 * personnummer and gets every record held about that person in every unit, with the
 * access log of those records. Producing it writes audit rows naming every person record
 * and case it covers, with the purpose {@link ReadPurpose#REGISTER_EXTRACT}; an extract
 * that finds nothing is audited too.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RegisterExtracts {

	/**
	 * The most access-log rows an extract lists (newest first); more are counted, not
	 * listed.
	 */
	static final int MAX_LOG_ROWS = 5000;

	private static final int LOG_PAGE = 500;

	private final ExtractStore store;

	private final AuditReview auditReview;

	private final AuditLog audit;

	private final ExtractProperties properties;

	private final Clock clock;

	/** Whether the current user may produce register extracts (for the page's link). */
	public boolean mayProduce() {
		return CurrentUser.get().map(this::allowed).orElse(false);
	}

	/**
	 * Everything held about the person with this personnummer, across every unit. Refuses
	 * a user outside the configured roles (403) and a text that is not a personnummer
	 * ({@code InvalidInput} on {@code personalNumber}).
	 */
	@Transactional
	public RegisterExtract produce(String personalNumber) {
		CurrentUser user = CurrentUser.require();
		if (!allowed(user)) {
			throw new AccessDeniedException("Register extracts are for " + properties.roles());
		}
		var in = Input.of(clock);
		var number = PersonalNumber.parse(personalNumber, in.today());
		if (!number.ok()) {
			in.reject("personalNumber", number.problem().messageKey());
		}
		in.check();

		List<Long> people = store.people(number.value().digits());
		List<Long> cases = people.isEmpty() ? List.of() : store.cases(people);
		List<Long> referrals = people.isEmpty() ? List.of() : store.referrals(people);
		List<Long> grants = people.isEmpty() ? List.of() : store.emergencyAccesses(people);

		var considerations = new ArrayList<Note>();
		considerations.add(Note.of("extract.consider.general"));
		List<Entry> personRecords = store.personRecords(people);
		if (personRecords.stream()
			.flatMap(e -> e.fields().stream())
			.anyMatch(f -> f.labelKey().equals("extract.field.protection") && !f.value().equals("none"))) {
			considerations.add(Note.of("extract.consider.protected"));
		}
		List<Entry> caseEntries = store.cases(people, cases);
		Map<Long, Map<String, Integer>> others = store.othersInCases(people, cases);
		for (Entry entry : caseEntries) {
			long caseId = ((Number) entry.heading().args().getFirst()).longValue();
			Map<String, Integer> roles = others.get(caseId);
			if (roles != null) {
				int count = roles.values().stream().mapToInt(Integer::intValue).sum();
				entry.notes()
					.add(Note.of("extract.consider.others", count,
							roles.keySet().stream().collect(Collectors.joining(", "))));
			}
		}
		if (!others.isEmpty()) {
			considerations.add(Note.of("extract.consider.othersInCases", others.size()));
		}
		List<Entry> journal = store.journal(cases);
		if (!journal.isEmpty()) {
			considerations.add(Note.of("extract.consider.journal"));
		}

		// the log of these records is read before this extract's own rows are written
		List<Entry> log = accessLog(people, cases, referrals, grants);

		var sections = List.of(new Section("extract.section.people", personRecords),
				new Section("extract.section.cases", caseEntries), new Section("extract.section.journal", journal),
				new Section("extract.section.track", store.track(cases)),
				new Section("extract.section.referrals", store.referralEntries(referrals)),
				new Section("extract.section.consents", store.consents(people)),
				new Section("extract.section.emergency", store.emergencyAccessEntries(grants)),
				new Section("extract.section.log", log));

		if (people.isEmpty()) {
			audit.record(AuditEvent.of(AuditKind.READ)
				.purpose(ReadPurpose.REGISTER_EXTRACT)
				.details("register extract: no records"));
		}
		else {
			audit.readAll(AuditSubject.PERSON, people, ReadPurpose.REGISTER_EXTRACT);
			audit.readAll(AuditSubject.CASE, cases, ReadPurpose.REGISTER_EXTRACT);
		}
		return new RegisterExtract(number.value().formatted(), Instant.now(clock), user.displayName(), sections,
				considerations);
	}

	private List<Entry> accessLog(List<Long> people, List<Long> cases, List<Long> referrals, List<Long> grants) {
		var subjects = new ArrayList<Subject>();
		people.forEach(id -> subjects.add(Subject.of(AuditSubject.PERSON, id)));
		cases.forEach(id -> subjects.add(Subject.of(AuditSubject.CASE, id)));
		referrals.forEach(id -> subjects.add(Subject.of(AuditSubject.REFERRAL, id)));
		grants.forEach(id -> subjects.add(Subject.of(AuditSubject.EMERGENCY_ACCESS, id)));
		if (subjects.isEmpty()) {
			return List.of();
		}
		var rows = new ArrayList<Entry>();
		var query = new AuditReview.SubjectQuery(subjects, null, null, null);
		for (int page = 0; rows.size() < MAX_LOG_ROWS; page++) {
			var result = auditReview.aboutSubjects(query, page, LOG_PAGE);
			for (AuditEntry row : result.entries()) {
				rows.add(logEntry(row));
			}
			if (!result.hasMore()) {
				break;
			}
		}
		return rows;
	}

	private Entry logEntry(AuditEntry row) {
		var fields = new ArrayList<Field>();
		fields.add(new Field("extract.field.occurred_at", ExtractPdf.time(row.occurredAt(), clock.getZone())));
		fields.add(new Field("extract.field.actor", row.actor()));
		fields.add(new Field("extract.field.log_kind", row.kind().name()));
		fields.add(new Field("extract.field.log_subject", row.subjectType() + " " + row.subjectId()));
		if (row.purpose() != null) {
			fields.add(new Field("extract.field.purpose", row.purpose()));
		}
		return new Entry(Note.of("extract.log.heading", row.id()), fields, List.of());
	}

	private boolean allowed(CurrentUser user) {
		return properties.roles().stream().anyMatch(user::hasRole);
	}

}
