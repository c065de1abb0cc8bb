package se.skyddsnat.casework.trafficking;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.idempotency.IdempotencyKey;
import se.skyddsnat.casework.core.CaseAccess;

/**
 * The trafficking track over JSON, through {@link TraffickingTracks} like the pages: read
 * by anyone who may see the case (audited), recorded only by the case's own unit (else
 * 403); a case outside the caller's scope is 404. Dates are ISO (2026-12-20); a refused
 * input is problem+json naming each field.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/track")
@Tag(name = "casework", description = "People and cases (need-to-know; every read audited)")
@RequiredArgsConstructor
class TraffickingTrackApi {

	/** What a new record answers: its id (the record is read as part of the track). */
	record Created(long id) {
	}

	record HousingEndBody(String to) {
	}

	record ReturnDateBody(String returnDate) {
	}

	record FollowUpBody(String followUpDoneOn) {
	}

	private final TraffickingTracks tracks;

	@GetMapping
	@Operation(summary = "The case's trafficking track: housing, permits, police/prosecutor contacts, return programme "
			+ "(with followUpEnds), home-municipality links; newest first; audited")
	TraffickingTrack track(@PathVariable long caseId) {
		return tracks.find(caseId).orElseThrow(CaseAccess::notFound);
	}

	@PostMapping("/housing")
	@Operation(summary = "Add a protected housing placement {from, to (optional), provider}")
	ResponseEntity<Created> addHousing(@PathVariable long caseId, @RequestBody TraffickingTracks.NewHousing body,
			IdempotencyKey key) {
		return key.once("track.addHousing", body, () -> created(caseId, tracks.addHousing(caseId, body)));
	}

	@PostMapping("/housing/{housingId}/end")
	@Operation(summary = "End an open placement {to}")
	TraffickingTrack endHousing(@PathVariable long caseId, @PathVariable long housingId,
			@RequestBody HousingEndBody body) {
		tracks.endHousing(caseId, housingId, body.to());
		return track(caseId);
	}

	@PostMapping("/permits")
	@Operation(
			summary = "Record an application to Migrationsverket {kind: reflection_period|temporary_permit, appliedOn}, "
					+ "with {decision: granted|refused, decidedOn, validUntil (granted only)} when already decided")
	ResponseEntity<Created> addPermit(@PathVariable long caseId, @RequestBody TraffickingTracks.NewPermit body,
			IdempotencyKey key) {
		return key.once("track.addPermit", body, () -> created(caseId, tracks.addPermit(caseId, body)));
	}

	@PostMapping("/permits/{permitId}/decision")
	@Operation(summary = "Record the decision on an application {decision, decidedOn, validUntil (granted only)}")
	TraffickingTrack decide(@PathVariable long caseId, @PathVariable long permitId,
			@RequestBody TraffickingTracks.NewPermitDecision body) {
		tracks.decidePermit(caseId, permitId, body);
		return track(caseId);
	}

	@PostMapping("/contacts")
	@Operation(
			summary = "Record a police or prosecutor contact attended {date, kind: police_interview|prosecutor_meeting|"
					+ "court_hearing|other, note (optional)}")
	ResponseEntity<Created> addContact(@PathVariable long caseId, @RequestBody TraffickingTracks.NewPoliceContact body,
			IdempotencyKey key) {
		return key.once("track.addContact", body, () -> created(caseId, tracks.addContact(caseId, body)));
	}

	@PostMapping("/returns")
	@Operation(summary = "Record an application to IOM's voluntary return programme {appliedOn, returnDate (optional)}")
	ResponseEntity<Created> applyForReturn(@PathVariable long caseId, @RequestBody TraffickingTracks.NewReturn body,
			IdempotencyKey key) {
		return key.once("track.applyForReturn", body, () -> created(caseId, tracks.applyForReturn(caseId, body)));
	}

	@PostMapping("/returns/{returnId}/return")
	@Operation(summary = "Set or correct the return date {returnDate} while the follow-up is not done")
	TraffickingTrack recordReturn(@PathVariable long caseId, @PathVariable long returnId,
			@RequestBody ReturnDateBody body) {
		tracks.recordReturn(caseId, returnId, body.returnDate());
		return track(caseId);
	}

	@PostMapping("/returns/{returnId}/follow-up")
	@Operation(summary = "Mark the follow-up after the return done {followUpDoneOn}; ends its reminder")
	TraffickingTrack followUpDone(@PathVariable long caseId, @PathVariable long returnId,
			@RequestBody FollowUpBody body) {
		tracks.followUpDone(caseId, returnId, body.followUpDoneOn());
		return track(caseId);
	}

	@PostMapping("/home-links")
	@Operation(
			summary = "Record contact with the home municipality {municipality: SCB code or abroad, contactedOn, note}")
	ResponseEntity<Created> linkHome(@PathVariable long caseId,
			@RequestBody TraffickingTracks.NewHomeMunicipalityLink body, IdempotencyKey key) {
		return key.once("track.linkHome", body, () -> created(caseId, tracks.linkHome(caseId, body)));
	}

	/** 201 with the new record's id; the record is read as part of the track. */
	private static ResponseEntity<Created> created(long caseId, long id) {
		return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/track")).body(new Created(id));
	}

}
