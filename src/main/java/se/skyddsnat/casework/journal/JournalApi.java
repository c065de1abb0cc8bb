package se.skyddsnat.casework.journal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.idempotency.IdempotencyKey;

/**
 * The journal over JSON, through the same service as the case page (same access, same
 * audit). A signed entry is final: PUT or DELETE of it, or signing it again, is
 * {@link JournalNoteAlreadySigned} — 409 problem+json through the one error path, as is a
 * second correction ({@link JournalEntryAlreadyCorrected}).
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/journal")
@Tag(name = "journal",
		description = "A case's journal: drafts of their author, signed entries that never change, corrections")
@RequiredArgsConstructor
class JournalApi {

	/**
	 * An entry as typed. Fields left out keep the draft's value; an empty string clears
	 * it.
	 */
	record EntryBody(String date, String kind, String channel, Integer minutes, String note, Integer satisfaction,
			Boolean closeRelationsViolence, Long correctsId, Boolean sign) {

		JournalInput input() {
			return new JournalInput(date, kind, channel, minutes == null ? null : minutes.toString(), note,
					satisfaction == null ? null : satisfaction.toString(),
					closeRelationsViolence == null ? null : closeRelationsViolence.toString());
		}
	}

	/**
	 * An entry as the API shows it. After a save or a signing in a case with a signing
	 * rule (Stödcentrum) also the case's support talks and whether the choice after the
	 * last one is due; left out elsewhere.
	 */
	record EntryJson(long id, long caseId, String status, String date, String kind, String channel, Integer minutes,
			String note, Integer satisfaction, Boolean closeRelationsViolence, Long correctsId, List<Long> correctedBy,
			String author, String updatedAt, String signedBy, String signedAt,
			@JsonInclude(JsonInclude.Include.NON_NULL) Integer stodcentrumTalks,
			@JsonInclude(JsonInclude.Include.NON_NULL) Boolean stodcentrumChoiceRequired) {

		static EntryJson of(JournalEntry e, SigningRule.Talks talks) {
			return new EntryJson(e.id(), e.caseId(), e.signed() ? "signed" : "draft", text(e.date()),
					e.kind() == null ? null : e.kind().code(), e.channel() == null ? null : e.channel().code(),
					e.minutes(), e.note(), e.satisfaction(), e.closeRelationsViolence(), e.correctsId(),
					e.correctedBy(), e.author(), text(e.updatedAt()), e.signedBy(), text(e.signedAt()),
					talks == null ? null : talks.talks(), talks == null ? null : talks.choiceRequired());
		}

		static EntryJson of(JournalEntry e) {
			return of(e, null);
		}

		private static String text(Object value) {
			return value == null ? null : value.toString();
		}
	}

	private final Journal journal;

	@GetMapping
	@Operation(summary = "The signed entries in date order, then the caller's own draft (status draft) if any; audited "
			+ "with the purpose 'journal'")
	List<EntryJson> list(@PathVariable long caseId) {
		Journal.View view = journal.read(caseId);
		var entries = new ArrayList<>(view.entries().stream().map(EntryJson::of).toList());
		if (view.draft() != null) {
			entries.add(EntryJson.of(view.draft()));
		}
		return entries;
	}

	@GetMapping("/{entryId}")
	@Operation(summary = "One signed entry, or the caller's own draft")
	EntryJson entry(@PathVariable long caseId, @PathVariable long entryId) {
		return EntryJson.of(journal.entry(caseId, entryId));
	}

	@PostMapping
	@Operation(summary = "Save the caller's draft for the case (one per author and case: 201 when created, 200 when "
			+ "updated); with correctsId it starts a correction of that signed entry (one correction per entry: 409 when "
			+ "it has one); with sign=true it is signed at once",
			description = "kind: support_talk, counselling, motivational_talk, practical_support, accompaniment, "
					+ "medical_referral, consultation. channel: in_person, phone, digital. minutes 1–1440. Stödcentrum "
					+ "cases only: satisfaction 1–5 and closeRelationsViolence (support talks). Only the case's own unit "
					+ "writes (403 for a shared case); 404 outside the caller's scope.")
	ResponseEntity<EntryJson> save(@PathVariable long caseId, @RequestBody EntryBody body, IdempotencyKey key) {
		// the entry holds the note: a repeat with the same key reads it again (access,
		// audit) instead of keeping it
		return key.once("journal.save", body, () -> {
			boolean existed;
			Long draftId = null;
			if (body.correctsId() != null) {
				JournalEntry started = journal.startCorrection(caseId, body.correctsId());
				draftId = started.id();
				existed = false;
			}
			else {
				existed = journal.read(caseId).draft() != null;
			}
			JournalEntry entry = journal.saveDraft(caseId, draftId, body.input());
			if (Boolean.TRUE.equals(body.sign())) {
				entry = journal.sign(caseId, entry.id());
			}
			var json = withTalks(caseId, entry);
			URI location = URI.create("/api/v1/cases/" + caseId + "/journal/" + entry.id());
			return existed ? ResponseEntity.ok().location(location).body(json)
					: ResponseEntity.created(location).body(json);
		}, location -> withTalks(caseId, journal.entry(caseId, lastId(location))));
	}

	private static long lastId(URI location) {
		String path = location.getPath();
		return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
	}

	@PutMapping("/{entryId}")
	@Operation(summary = "Change the caller's draft; a signed entry is 409 (write a correction instead)")
	EntryJson update(@PathVariable long caseId, @PathVariable long entryId, @RequestBody EntryBody body) {
		JournalEntry entry = journal.saveDraft(caseId, entryId, body.input());
		if (Boolean.TRUE.equals(body.sign())) {
			entry = journal.sign(caseId, entry.id());
		}
		return withTalks(caseId, entry);
	}

	@PostMapping("/{entryId}/sign")
	@Operation(summary = "Sign the caller's draft: from now on it never changes. 400 names each missing field; 409 if "
			+ "already signed. In a Stödcentrum case the answer says whether the choice after the last talk is due.")
	EntryJson sign(@PathVariable long caseId, @PathVariable long entryId) {
		return withTalks(caseId, journal.sign(caseId, entryId));
	}

	@DeleteMapping("/{entryId}")
	@Operation(summary = "Throw away the caller's draft; a signed entry is 409")
	ResponseEntity<Void> discard(@PathVariable long caseId, @PathVariable long entryId) {
		journal.discardDraft(caseId, entryId);
		return ResponseEntity.noContent().build();
	}

	private EntryJson withTalks(long caseId, JournalEntry entry) {
		return EntryJson.of(entry, journal.talks(caseId).orElse(null));
	}

}
