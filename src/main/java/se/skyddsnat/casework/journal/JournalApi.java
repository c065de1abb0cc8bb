package se.skyddsnat.casework.journal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.idempotency.IdempotencyKey;
import se.skyddsnat.casework.stodcentrum.Stodcentrum;

/**
 * The journal over JSON, through the same service as the case page (same access, same audit). A signed entry is
 * final: PUT or DELETE of it, or signing it again, is 409 problem+json.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/journal")
@Tag(name = "journal", description = "A case's journal: drafts of their author, signed entries that never change, corrections")
class JournalApi {

    /** An entry as typed. Fields left out keep the draft's value; an empty string clears it. */
    record EntryBody(String date, String kind, String channel, Integer minutes, String note, Integer satisfaction,
            Boolean closeRelationsViolence, Long correctsId, Boolean sign) {

        JournalInput input() {
            return new JournalInput(date, kind, channel, minutes == null ? null : minutes.toString(), note,
                    satisfaction == null ? null : satisfaction.toString(),
                    closeRelationsViolence == null ? null : closeRelationsViolence.toString());
        }
    }

    private final Journal journal;
    private final Stodcentrum stodcentrum;
    private final MessageSource messages;

    JournalApi(Journal journal, Stodcentrum stodcentrum, MessageSource messages) {
        this.journal = journal;
        this.stodcentrum = stodcentrum;
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "The signed entries in date order, then the caller's own draft (status draft) if any; audited "
            + "with the purpose 'journal'")
    List<Map<String, Object>> list(@PathVariable long caseId) {
        Journal.View view = journal.read(caseId);
        var entries = new java.util.ArrayList<>(view.entries().stream().map(JournalApi::json).toList());
        if (view.draft() != null) {
            entries.add(json(view.draft()));
        }
        return entries;
    }

    @GetMapping("/{entryId}")
    @Operation(summary = "One signed entry, or the caller's own draft")
    Map<String, Object> entry(@PathVariable long caseId, @PathVariable long entryId) {
        return json(journal.entry(caseId, entryId));
    }

    @PostMapping
    @Operation(summary = "Save the caller's draft for the case (one per author and case: 201 when created, 200 when "
            + "updated); with correctsId it starts a correction of that signed entry (one correction per entry: 409 when "
            + "it has one); with sign=true it is signed at once",
            description = "kind: support_talk, counselling, motivational_talk, practical_support, accompaniment, "
                    + "medical_referral, consultation. channel: in_person, phone, digital. minutes 1–1440. Stödcentrum "
                    + "cases only: satisfaction 1–5 and closeRelationsViolence (support talks). Only the case's own unit "
                    + "writes (403 for a shared case); 404 outside the caller's scope.")
    ResponseEntity<Map<String, Object>> save(@PathVariable long caseId, @RequestBody EntryBody body,
            IdempotencyKey key) {
        // the entry holds the note: a repeat with the same key reads it again (access, audit) instead of keeping it
        return key.once("journal.save", body, () -> {
            boolean existed;
            Long draftId = null;
            if (body.correctsId() != null) {
                JournalEntry started = journal.startCorrection(caseId, body.correctsId());
                draftId = started.id();
                existed = false;
            } else {
                existed = journal.read(caseId).draft() != null;
            }
            JournalEntry entry = journal.saveDraft(caseId, draftId, body.input());
            if (Boolean.TRUE.equals(body.sign())) {
                entry = journal.sign(caseId, entry.id());
            }
            var json = withStodcentrum(caseId, entry);
            URI location = URI.create("/api/v1/cases/" + caseId + "/journal/" + entry.id());
            return existed ? ResponseEntity.ok().location(location).body(json)
                    : ResponseEntity.created(location).body(json);
        }, location -> withStodcentrum(caseId, journal.entry(caseId, lastId(location))));
    }

    private static long lastId(URI location) {
        String path = location.getPath();
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    @PutMapping("/{entryId}")
    @Operation(summary = "Change the caller's draft; a signed entry is 409 (write a correction instead)")
    Map<String, Object> update(@PathVariable long caseId, @PathVariable long entryId, @RequestBody EntryBody body) {
        JournalEntry entry = journal.saveDraft(caseId, entryId, body.input());
        if (Boolean.TRUE.equals(body.sign())) {
            entry = journal.sign(caseId, entry.id());
        }
        return withStodcentrum(caseId, entry);
    }

    @PostMapping("/{entryId}/sign")
    @Operation(summary = "Sign the caller's draft: from now on it never changes. 400 names each missing field; 409 if "
            + "already signed. In a Stödcentrum case the answer says whether the choice after the last talk is due.")
    Map<String, Object> sign(@PathVariable long caseId, @PathVariable long entryId) {
        return withStodcentrum(caseId, journal.sign(caseId, entryId));
    }

    @DeleteMapping("/{entryId}")
    @Operation(summary = "Throw away the caller's draft; a signed entry is 409")
    ResponseEntity<Void> discard(@PathVariable long caseId, @PathVariable long entryId) {
        journal.discardDraft(caseId, entryId);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(JournalNoteAlreadySigned.class)
    ProblemDetail signed(JournalNoteAlreadySigned e, HttpServletRequest request) {
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.forLanguageTag("sv") : request.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("journal.error.signed", new Object[] { e.entryId() }, locale));
        problem.setTitle(messages.getMessage("journal.problem.signed.title", null, locale));
        problem.setProperty("entryId", e.entryId());
        return problem;
    }

    @ExceptionHandler(JournalEntryAlreadyCorrected.class)
    ProblemDetail corrected(JournalEntryAlreadyCorrected e, HttpServletRequest request) {
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.forLanguageTag("sv") : request.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("journal.error.alreadyCorrected", new Object[] { e.entryId() }, locale));
        problem.setTitle(messages.getMessage("journal.problem.corrected.title", null, locale));
        problem.setProperty("field", "correctsId");
        problem.setProperty("entryId", e.entryId());
        return problem;
    }

    private Map<String, Object> withStodcentrum(long caseId, JournalEntry entry) {
        var json = json(entry);
        stodcentrum.status(caseId).ifPresent(s -> {
            json.put("stodcentrumTalks", s.talks());
            json.put("stodcentrumChoiceRequired", s.choiceRequired());
        });
        return json;
    }

    static Map<String, Object> json(JournalEntry e) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", e.id());
        m.put("caseId", e.caseId());
        m.put("status", e.signed() ? "signed" : "draft");
        m.put("date", e.date() == null ? null : e.date().toString());
        m.put("kind", e.kind() == null ? null : e.kind().code());
        m.put("channel", e.channel() == null ? null : e.channel().code());
        m.put("minutes", e.minutes());
        m.put("note", e.note());
        m.put("satisfaction", e.satisfaction());
        m.put("closeRelationsViolence", e.closeRelationsViolence());
        m.put("correctsId", e.correctsId());
        m.put("correctedBy", e.correctedBy());
        m.put("author", e.author());
        m.put("updatedAt", e.updatedAt() == null ? null : e.updatedAt().toString());
        m.put("signedBy", e.signedBy());
        m.put("signedAt", e.signedAt() == null ? null : e.signedAt().toString());
        return m;
    }
}
