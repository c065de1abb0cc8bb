package se.skyddsnat.training.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.idempotency.IdempotencyKey;
import se.skyddsnat.training.booking.Bookings;
import se.skyddsnat.training.course.CourseService;
import se.skyddsnat.training.course.SessionInput;

/**
 * Courses, sessions and participants for staff API clients (bearer token): the same rules
 * as the pages.
 */
@RestController
@Tag(name = "training", description = "Courses, sessions, participants and their counts")
@RequiredArgsConstructor
class TrainingApi {

	record CourseBody(String title, String description, @Schema(allowableValues = {
			"joined_municipalities", "city_staff", "professionals" }) String audience,
			@Schema(description = "unit codes of the organising units") List<String> units){
	}

	record QuotaBody(@Schema(example = "0126") String municipality, @Schema(types = "integer") String seats) {
	}

	record SessionBody(@Schema(types = "integer") String courseId, @Schema(allowableValues = {
			"digital", "physical" }) String format,
			@Schema(description = "local YYYY-MM-DDTHH:MM in Europe/Stockholm",
					example = "2027-03-10T09:00") String startsAt,
			@Schema(description = "local YYYY-MM-DDTHH:MM in Europe/Stockholm",
					example = "2027-03-10T12:00") String endsAt,
			@Schema(description = "for a physical session") String place,
			@Schema(description = "an https meeting link, for a digital session") String link,
			@Schema(types = "integer") String capacity,
			@Schema(format = "date", description = "YYYY-MM-DD") String bookingOpens,
			@Schema(format = "date", description = "YYYY-MM-DD") String bookingCloses,
			@Schema(description = "seats held per municipality (optional)") List<QuotaBody> quotas,
			@Schema(types = "integer",
					description = "days before the session the held seats are released (14)") String quotaReleaseDays,
			@Schema(description = "user names of the trainers") List<String> trainers){
	}

	record Created(long id) {
	}

	record ParticipantJson(String name, String email, String municipality, @Schema(allowableValues = {
			"unconfirmed", "booked", "waitlisted", "offered", "cancelled", "attended" }) String state){
	}

	private final CourseService courses;

	private final Bookings bookings;

	@PostMapping("/api/v1/training/courses")
	@Operation(summary = "Create a course (COORDINATOR, or staff of one of its units)",
			description = "201 with {id}; bad input 400 problem+json naming each field.")
	ResponseEntity<Created> course(@RequestBody CourseBody body, IdempotencyKey key) {
		return key.once("training.course.create", body, () -> {
			long id = courses.createCourse(body.title(), body.description(), body.audience(), body.units());
			return ResponseEntity.created(URI.create("/api/v1/training/courses/" + id)).body(new Created(id));
		});
	}

	@PostMapping("/api/v1/training/sessions")
	@Operation(summary = "Create a session of a course (a draft; publish it on its page)",
			description = "Times as local YYYY-MM-DDTHH:MM in Europe/Stockholm, booking dates YYYY-MM-DD; place for "
					+ "physical, link for digital. 201 with {id}; bad input 400 problem+json naming each field.")
	ResponseEntity<Created> session(@RequestBody SessionBody body, IdempotencyKey key) {
		return key.once("training.session.create", body, () -> {
			Integer courseId = se.skyddsnat.shared.Input.readInt(body.courseId());
			if (courseId == null) {
				throw se.skyddsnat.shared.InvalidInput.of("courseId", "training.error.course");
			}
			var quotas = new LinkedHashMap<String, String>();
			if (body.quotas() != null) {
				for (var q : body.quotas()) {
					if (q != null) {
						quotas.put(q.municipality(), q.seats() == null ? "" : q.seats());
					}
				}
			}
			long id = courses.createSession(courseId,
					new SessionInput(body.format(), body.startsAt(), body.endsAt(), body.place(), body.link(),
							body.capacity(), body.bookingOpens(), body.bookingCloses(), quotas, body.quotaReleaseDays(),
							body.trainers()));
			return ResponseEntity.created(URI.create("/api/v1/training/sessions/" + id)).body(new Created(id));
		});
	}

	@GetMapping("/api/v1/training/sessions/{id}/participants")
	@Operation(summary = "A session's participants, for its organisers (the read is audited)")
	List<ParticipantJson> participants(@PathVariable long id) {
		return bookings.participants(id)
			.stream()
			.map(b -> new ParticipantJson(b.name(), b.email(), b.municipality(), b.state().code()))
			.toList();
	}

}
