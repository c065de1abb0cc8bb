package se.skyddsnat.casework.referral;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.idempotency.IdempotencyKey;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.core.CaseAccess;

/**
 * Referrals and consents over JSON, through the same {@link Referrals} service as the
 * pages. A transition the state machine or the consent rule refuses is 409 problem+json
 * with the reason in the user's language.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "referrals",
		description = "Referrals and handovers (draft → sent → accepted | declined → closed) and consents")
@RequiredArgsConstructor
class ReferralApi {

	record DeclineBody(String reason) {
	}

	record CloseBody(String note) {
	}

	/** What a new record answers: its id. */
	record Created(long id) {
	}

	/** What a transition answers: the referral and the state it is in now. */
	record StateJson(long id, String state) {
	}

	record MemberJson(long personId, Long consentId) {
	}

	record EventJson(String from, String to, String actor, String at, String note) {
	}

	record ReferralJson(long id, long caseId, String fromUnit, String targetKind, String toUnit, String municipality,
			String recipientName, String summary, String state, String createdBy, String createdAt, String sentAt,
			String answeredAt, String closedAt, String closedHow, String declineReason, String overrideReason,
			String overrideBy, List<MemberJson> people, List<EventJson> history) {
		static ReferralJson of(Referral r) {
			return new ReferralJson(r.id(), r.caseId(), r.fromUnit().value(), r.targetKind().code(),
					r.toUnit() == null ? null : r.toUnit().value(),
					r.municipality() == null ? null : r.municipality().value(), r.recipientName(), r.summary(),
					r.state().code(), r.createdBy(), text(r.createdAt()), text(r.sentAt()), text(r.answeredAt()),
					text(r.closedAt()), r.closedHow() == null ? null : r.closedHow().code(), r.declineReason(),
					r.overrideReason(), r.overrideBy(),
					r.people()
						.stream()
						.map(m -> new MemberJson(m.person().id(), m.consent() == null ? null : m.consent().id()))
						.toList(),
					r.history()
						.stream()
						.map(e -> new EventJson(e.from() == null ? null : e.from().code(), e.to().code(), e.actor(),
								text(e.at()), e.note()))
						.toList());
		}

		private static String text(Object value) {
			return value == null ? null : value.toString();
		}
	}

	private final Referrals referrals;

	@PostMapping("/cases/{caseId}/referrals")
	@Operation(summary = "Draft a referral of a case of the caller's unit",
			description = "targetKind: unit (with unit, a unit code), municipality (with municipality, an SCB code), "
					+ "district, health_care or organisation (with recipientName). personIds: people of the case "
					+ "(default: all). The summary is required to send.")
	ResponseEntity<StateJson> create(@PathVariable long caseId, @RequestBody Referrals.NewReferral body,
			IdempotencyKey key) {
		return key.once("referral.create", body, () -> {
			long id = referrals.create(caseId, body);
			return ResponseEntity.created(URI.create("/api/v1/referrals/" + id))
				.body(new StateJson(id, ReferralState.DRAFT.code()));
		});
	}

	@GetMapping("/referrals/{id}")
	@Operation(
			summary = "A referral the caller may see (sending unit; receiving unit once sent), with its history; audited")
	ReferralJson referral(@PathVariable long id) {
		return ReferralJson.of(referrals.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound));
	}

	@GetMapping("/referrals/incoming")
	@Operation(summary = "Referrals sent to the caller's units, those awaiting an answer first; each audited")
	List<ReferralJson> incoming() {
		return referrals.incoming().stream().map(ReferralJson::of).toList();
	}

	@PostMapping("/referrals/{id}/send")
	@Operation(summary = "Send a draft (optionally with its final summary)",
			description = "External targets need every person's recorded consent; without it 409, unless a MANAGER "
					+ "of the case's unit gives overrideReason (at least 10 characters; audited). A CASEWORKER "
					+ "giving overrideReason gets 403.")
	StateJson send(@PathVariable long id, @RequestBody(required = false) Referrals.Sending body) {
		var state = referrals.send(id, body == null ? new Referrals.Sending(null, null) : body);
		return new StateJson(id, state.code());
	}

	@PostMapping("/referrals/{id}/accept")
	@Operation(
			summary = "Accept a sent internal referral (receiving unit): while it stays accepted, the unit reads the "
					+ "case's facts and the people the referral names — not the people left out, not the journal")
	StateJson accept(@PathVariable long id) {
		return new StateJson(id, referrals.accept(id).code());
	}

	@PostMapping("/referrals/{id}/decline")
	@Operation(summary = "Decline a sent internal referral (receiving unit), with a reason")
	StateJson decline(@PathVariable long id, @RequestBody(required = false) DeclineBody body) {
		return new StateJson(id, referrals.decline(id, body == null ? null : body.reason()).code());
	}

	@PostMapping("/referrals/{id}/close")
	@Operation(summary = "Close: the sender withdraws a draft or a sent referral or closes an answered external one; "
			+ "either unit closes an accepted handover")
	StateJson close(@PathVariable long id, @RequestBody(required = false) CloseBody body) {
		return new StateJson(id, referrals.close(id, body == null ? null : body.note()).code());
	}

	@PostMapping("/referrals/{id}/revoke")
	@Operation(summary = "Revoke an accepted handover (a MANAGER of the sending unit), with a reason of at least 10 "
			+ "characters: the referral is closed and the receiving unit no longer sees the case or its people")
	StateJson revoke(@PathVariable long id, @RequestBody(required = false) DeclineBody body) {
		return new StateJson(id, referrals.revoke(id, body == null ? null : body.reason()).code());
	}

	@PostMapping("/cases/{caseId}/consents")
	@Operation(summary = "Record a person's consent in a case of the caller's unit",
			description = "kind: written or oral; givenOn: YYYY-MM-DD, today or earlier; scope: to whom and for what.")
	ResponseEntity<Created> consent(@PathVariable long caseId, @RequestBody Referrals.NewConsent body,
			IdempotencyKey key) {
		return key.once("consent.record", body, () -> {
			long id = referrals.recordConsent(caseId, body);
			return ResponseEntity.status(HttpStatus.CREATED).body(new Created(id));
		});
	}

	/** Why the consent is withdrawn (optional, at most 500 characters). */
	record WithdrawBody(String reason) {
	}

	/** What a withdrawal answers: the consent's id. */
	record Withdrawn(long id) {
	}

	@PostMapping("/cases/{caseId}/consents/{id}/withdraw")
	@Operation(summary = "Record that the person withdrew a consent (case's own unit): it covers no new external "
			+ "referral; audited. 409 when withdrawn already.")
	Withdrawn withdrawConsent(@PathVariable long caseId, @PathVariable long id,
			@RequestBody(required = false) WithdrawBody body) {
		referrals.withdrawConsent(caseId, id, body == null ? null : body.reason());
		return new Withdrawn(id);
	}

	@GetMapping(path = "/referrals/{id}/letter.pdf", produces = "application/pdf")
	@Operation(summary = "The handover letter of a sent external referral (PDF, the sending unit): recipient, summary, "
			+ "the people named with their consent or the manager's override, the sender; the secrecy line on every "
			+ "page. Audited as an export.")
	org.springframework.http.ResponseEntity<byte[]> letter(@PathVariable long id) {
		return ReferralController.pdf(referrals.handoverLetter(id), "overlamning-" + id + ".pdf");
	}

}
