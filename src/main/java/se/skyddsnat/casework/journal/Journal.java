package se.skyddsnat.casework.journal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import se.skyddsnat.casework.CaseKind;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseStore;
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.DateRange;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;

/**
 * The journal of a case: contacts and interventions with their notes, in date order. A
 * note is a draft of its author until signed (saved as it is typed, so nothing is lost);
 * a signed note is final — it is never changed or deleted (here, and by a trigger in the
 * database), only corrected by a new note that points to it. Everyone who may see the
 * case reads the signed notes (audited with the purpose "journal"); only the case's own
 * unit writes. A kind of case may set a rule on signing ({@link SigningRule}:
 * Stödcentrum's support-talk limit).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Journal {

	static final int MINUTES_MAX = 1440;

	private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

	/**
	 * What the user sees of a journal: the signed entries in date order and their own
	 * draft, if any.
	 */
	public record View(long caseId, List<JournalEntry> entries, JournalEntry draft, boolean mayWrite) {
	}

	private final JournalStore store;

	private final CaseStore cases;

	private final CaseAccess access;

	private final AuditLog audit;

	private final List<SigningRule> rules;

	private final Clock clock;

	/**
	 * The journal of a case the user may see (404 otherwise): signed entries in date
	 * order, and the user's draft.
	 */
	@Transactional
	public View read(long caseId) {
		var scope = access.scope();
		CaseFile c = visibleCase(scope, caseId);
		List<JournalEntry> signed = store.signed(caseId);
		Map<Long, List<Long>> corrections = new HashMap<>();
		signed.stream()
			.filter(e -> e.correctsId() != null)
			.forEach(e -> corrections.computeIfAbsent(e.correctsId(), k -> new ArrayList<>()).add(e.id()));
		List<JournalEntry> entries = signed.stream()
			.map(e -> e.withCorrectedBy(corrections.getOrDefault(e.id(), List.of())))
			.toList();
		JournalEntry draft = store.draftOf(caseId, scope.user().username()).orElse(null);
		audit.read(AuditSubject.CASE, caseId, ReadPurpose.JOURNAL);
		return new View(caseId, entries, draft, mayWrite(scope, c));
	}

	/**
	 * One entry: a signed one of a case the user may see, or the user's own draft;
	 * audited.
	 */
	@Transactional
	public JournalEntry entry(long caseId, long entryId) {
		var scope = access.scope();
		visibleCase(scope, caseId);
		JournalEntry e = entryOf(caseId, entryId, scope.user().username());
		audit.read(AuditSubject.CASE, caseId, ReadPurpose.JOURNAL);
		return e.withCorrectedBy(store.correctedBy(entryId));
	}

	/**
	 * Saves the user's draft for the case: the entry {@code entryId} (which must be the
	 * user's own draft), or — without an id — the user's one draft for the case, created
	 * when there is none. Fields left null keep what the draft held; empty ones are
	 * cleared. Refuses a signed entry ({@link JournalNoteAlreadySigned}) and malformed
	 * values ({@link InvalidInput}); completeness is checked when signing.
	 */
	@Transactional
	public JournalEntry saveDraft(long caseId, Long entryId, JournalInput input) {
		var scope = access.scope();
		CaseFile c = writableCase(scope, caseId);
		String author = scope.user().username();
		JournalEntry existing = entryId == null ? store.draftOf(caseId, author).orElse(null)
				: entryOf(caseId, entryId, author);
		if (existing != null && existing.signed()) {
			throw new JournalNoteAlreadySigned(existing.id());
		}
		JournalStore.Values values = parse(input, existing, c);
		Instant now = Instant.now(clock);
		long id;
		if (existing == null) {
			id = store.saveNewDraft(caseId, author, values, now);
		}
		else if (store.updateDraft(existing.id(), values, now)) {
			id = existing.id();
		}
		else {
			throw new JournalNoteAlreadySigned(existing.id());
		}
		audit.change(AuditSubject.CASE, caseId, AuditDetails.of("journal.draftSaved", id));
		return store.get(id);
	}

	/**
	 * Signs the user's draft: from now on it is final. Refuses an incomplete draft (every
	 * missing field named) and what a {@link SigningRule} of the case refuses (in a
	 * Stödcentrum case that has reached its support-talk limit, a further support talk
	 * until the choice of how the case goes on is made).
	 */
	@Transactional
	public JournalEntry sign(long caseId, long entryId) {
		var scope = access.scope();
		CaseFile c = writableCase(scope, caseId);
		JournalEntry e = entryOf(caseId, entryId, scope.user().username());
		if (e.signed()) {
			throw new JournalNoteAlreadySigned(e.id());
		}
		List<InvalidInput.Violation> errors = incomplete(e);
		rules.forEach(rule -> rule.refusal(c, e).ifPresent(errors::add));
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		if (!store.sign(e.id(), scope.user().username(), Instant.now(clock))) {
			throw new JournalNoteAlreadySigned(e.id());
		}
		audit.change(AuditSubject.CASE, caseId, e.correctsId() == null ? AuditDetails.of("journal.signed", e.id())
				: AuditDetails.of("journal.signedCorrection", e.id(), e.correctsId()));
		return entryOf(caseId, e.id(), scope.user().username());
	}

	/**
	 * Where the case stands under its signing rules (Stödcentrum: its support talks,
	 * whether the choice is due), for the answer after a signing; empty for a case no
	 * rule applies to.
	 */
	@Transactional
	public Optional<SigningRule.Talks> talks(long caseId) {
		return rules.stream().map(rule -> rule.talks(caseId)).flatMap(Optional::stream).findFirst();
	}

	/**
	 * Starts a correction of a signed entry: the user's draft becomes a new entry
	 * pointing to it, filled with the corrected entry's content to edit. The user must
	 * first sign or throw away a draft they already have. An entry has one correction:
	 * when someone else has started or signed one, {@link JournalEntryAlreadyCorrected};
	 * the user's own repeat (a double submit) gets their correction draft back.
	 */
	@Transactional
	public JournalEntry startCorrection(long caseId, long correctedId) {
		var scope = access.scope();
		writableCase(scope, caseId);
		String author = scope.user().username();
		JournalEntry original = entryOf(caseId, correctedId, author);
		if (!original.signed()) {
			throw InvalidInput.of("correctsId", "journal.error.correctSigned");
		}
		Optional<JournalEntry> draft = store.draftOf(caseId, author);
		if (draft.isEmpty()) {
			Optional<Long> started = store.startCorrection(original.id(), author, Instant.now(clock));
			if (started.isPresent()) {
				audit.change(AuditSubject.CASE, caseId,
						AuditDetails.of("journal.correctionStarted", started.get(), original.id()));
				return entryOf(caseId, started.get(), author);
			}
			draft = store.draftOf(caseId, author); // a concurrent first insert of the
													// same author
			if (draft.isEmpty()) {
				throw new JournalEntryAlreadyCorrected(original.id());
			}
		}
		if (Long.valueOf(original.id()).equals(draft.get().correctsId())) {
			return draft.get();
		}
		throw InvalidInput.of("correctsId", "journal.error.draftFirst");
	}

	/** Throws away the user's draft. A signed entry cannot be thrown away. */
	@Transactional
	public void discardDraft(long caseId, long entryId) {
		var scope = access.scope();
		writableCase(scope, caseId);
		JournalEntry e = entryOf(caseId, entryId, scope.user().username());
		if (e.signed()) {
			throw new JournalNoteAlreadySigned(e.id());
		}
		store.deleteDraft(e.id());
		audit.change(AuditSubject.CASE, caseId, AuditDetails.of("journal.draftDiscarded", e.id()));
	}

	/**
	 * Whether the entry is still there for the current user (signed, or their own draft).
	 * No access check: only for a form that then saves through {@link #saveDraft}, which
	 * checks.
	 */
	boolean exists(long caseId, long entryId) {
		return store.exists(caseId, entryId, CurrentUser.require().username());
	}

	private CaseFile visibleCase(CaseAccess.Scope scope, long caseId) {
		access.requireRecords(scope, caseId);
		return cases.get(caseId);
	}

	private CaseFile writableCase(CaseAccess.Scope scope, long caseId) {
		CaseFile c = visibleCase(scope, caseId);
		if (!mayWrite(scope, c)) {
			throw new AccessDeniedException("Only the case's own unit writes in its journal");
		}
		return c;
	}

	private boolean mayWrite(CaseAccess.Scope scope, CaseFile c) {
		return access.inOwnUnit(scope, c.unit()) && scope.user().may(Permission.CASE_WORK);
	}

	/**
	 * A signed entry of the case, or the user's own draft; anything else does not exist
	 * (404).
	 */
	private JournalEntry entryOf(long caseId, long entryId, String user) {
		return store.entryOf(caseId, entryId, user).orElseThrow(CaseAccess::notFound);
	}

	/** What a draft lacks to be signed, each field named. */
	private List<InvalidInput.Violation> incomplete(JournalEntry e) {
		var errors = new ArrayList<InvalidInput.Violation>();
		LocalDate today = LocalDate.now(clock);
		if (e.date() == null || e.date().isAfter(today) || e.date().isBefore(EARLIEST)) {
			errors.add(new InvalidInput.Violation("date", "journal.error.date"));
		}
		if (e.kind() == null) {
			errors.add(new InvalidInput.Violation("kind", "journal.error.kind"));
		}
		if (e.channel() == null) {
			errors.add(new InvalidInput.Violation("channel", "journal.error.channel"));
		}
		if (e.minutes() == null) {
			errors.add(new InvalidInput.Violation("minutes", "journal.error.minutes", MINUTES_MAX));
		}
		if (e.note() == null || e.note().isBlank()) {
			errors.add(new InvalidInput.Violation("note", "journal.error.note"));
		}
		if (e.kind() != JournalKind.SUPPORT_TALK && e.satisfaction() != null) {
			errors.add(new InvalidInput.Violation("satisfaction", "journal.error.satisfactionKind"));
		}
		if (e.kind() != JournalKind.SUPPORT_TALK && e.closeRelationsViolence() != null) {
			errors.add(new InvalidInput.Violation("closeRelationsViolence", "journal.error.violenceKind"));
		}
		return errors;
	}

	/**
	 * The draft's values after this input: null fields keep the draft's value, empty ones
	 * clear it.
	 */
	private JournalStore.Values parse(JournalInput in, JournalEntry old, CaseFile c) {
		var input = Input.of(clock);
		boolean stodcentrum = c.kind() == CaseKind.STODCENTRUM_SUPPORT;
		LocalDate date = old == null ? null : old.date();
		if (in.date() != null) {
			date = input.date("date", in.date(), new DateRange(EARLIEST, input.today()), "journal.error.date");
		}
		JournalKind kind = old == null ? null : old.kind();
		if (in.kind() != null) {
			kind = input.code("kind", in.kind(), JournalKind.class, "journal.error.kind");
		}
		JournalChannel channel = old == null ? null : old.channel();
		if (in.channel() != null) {
			channel = input.code("channel", in.channel(), JournalChannel.class, "journal.error.channel");
		}
		Integer minutes = old == null ? null : old.minutes();
		if (in.minutes() != null) {
			minutes = input.integer("minutes", in.minutes(), 1, MINUTES_MAX, "journal.error.minutes", MINUTES_MAX);
		}
		String note = old == null ? "" : old.note();
		if (in.note() != null) {
			// as typed: the draft is saved while it is being written, spaces and line
			// breaks included
			note = input.asTyped("note", in.note(), CaseworkLimits.JOURNAL_NOTE.max(), "journal.error.noteLength");
		}
		Integer satisfaction = old == null ? null : old.satisfaction();
		if (in.satisfaction() != null) {
			satisfaction = input.integer("satisfaction", in.satisfaction(), 1, 5, "journal.error.satisfaction");
			if (satisfaction != null && !stodcentrum) {
				input.reject("satisfaction", "journal.error.stodcentrumOnly");
			}
		}
		Boolean violence = old == null ? null : old.closeRelationsViolence();
		if (in.closeRelationsViolence() != null) {
			violence = yesNo(input, in.closeRelationsViolence());
			if (violence != null && !stodcentrum) {
				input.reject("closeRelationsViolence", "journal.error.stodcentrumOnly");
			}
		}
		input.check();
		return new JournalStore.Values(date, kind, channel, minutes, note, satisfaction, violence);
	}

	private static Boolean yesNo(Input input, String answer) {
		return switch (answer.strip().toLowerCase(Locale.ROOT)) {
			case "" -> null;
			case "yes", "true" -> true;
			case "no", "false" -> false;
			default -> {
				input.reject("closeRelationsViolence", "journal.error.violence");
				yield null;
			}
		};
	}

}
