package se.skyddsnat.casework.review;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.audit.AuditEntry;
import se.skyddsnat.audit.AuditReview;

/**
 * Access-log review over JSON, through the same services (and so the same access rules
 * and audit) as the pages.
 */
@RestController
@RequestMapping("/api/v1/casework/review")
@Tag(name = "access-log review",
		description = "Loggkontroll: who read or changed a person's records, what a user "
				+ "opened, and the managers' review of emergency accesses (MANAGER; person and user logs also ADMIN)")
@RequiredArgsConstructor
class ReviewApi {

	record EntryJson(long id, Instant time, String user, String kind, String subjectType, String subjectId,
			String purpose, String details, String client) {
		static EntryJson of(AuditEntry e) {
			return new EntryJson(e.id(), e.occurredAt(), e.actor(), e.kind().name(), e.subjectType(), e.subjectId(),
					e.purpose(), e.details(), e.client());
		}

		static List<EntryJson> of(AuditReview.Page page) {
			return page.entries().stream().map(EntryJson::of).toList();
		}
	}

	record GrantJson(long id, long personId, String personUnit, String user, String reason, Instant grantedAt,
			Instant expiresAt, boolean reviewed, String reviewedBy, Instant reviewedAt, String reviewNote) {
		static GrantJson of(EmergencyReviews.Grant g) {
			return new GrantJson(g.id(), g.personId(), g.personUnit().value(), g.username(), g.reason(), g.grantedAt(),
					g.expiresAt(), g.reviewed(), g.reviewedBy(), g.reviewedAt(), g.reviewNote());
		}
	}

	record PersonReviewJson(long personId, String unit, List<Long> cases, int page, boolean hasMore,
			List<EntryJson> entries, List<GrantJson> emergencyAccesses) {
	}

	record UserReviewJson(String user, boolean ownUnitsOnly, int page, boolean hasMore, List<EntryJson> entries) {
	}

	record ReviewedBody(String note) {
	}

	private final ReviewLog reviews;

	private final EmergencyReviews emergencies;

	@GetMapping("/person/{id}")
	@Operation(summary = "Who read or changed a person, the person's cases and emergency accesses, newest first "
			+ "(50 a page; from/to are ISO days, inclusive). MANAGER of a unit that may see the person, or ADMIN; "
			+ "404 otherwise. Audited as a read of the person.")
	PersonReviewJson person(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page) {
		var review = reviews.person(id, from, to, page);
		return new PersonReviewJson(review.personId(), review.unit().value(), review.caseIds(), review.log().page(),
				review.log().hasMore(), EntryJson.of(review.log()),
				review.emergencyAccesses().stream().map(GrantJson::of).toList());
	}

	@GetMapping("/user/{username}")
	@Operation(summary = "What a user read or changed, newest first (50 a page; from/to are ISO days, inclusive). "
			+ "ADMIN: everything; MANAGER: only the records of the manager's units.")
	UserReviewJson user(@PathVariable String username, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page) {
		var review = reviews.user(username, from, to, page);
		return new UserReviewJson(review.username(), review.ownUnitsOnly(), review.log().page(), review.log().hasMore(),
				EntryJson.of(review.log()));
	}

	@GetMapping("/emergency")
	@Operation(summary = "Emergency accesses to people of the caller's units (MANAGER): unreviewed first, then the "
			+ "latest reviewed")
	List<GrantJson> emergency() {
		return emergencies.forCurrentManager().stream().map(GrantJson::of).toList();
	}

	@PostMapping("/emergency/{id}/reviewed")
	@Operation(summary = "Mark an emergency access reviewed, with an optional note (at most 500 characters); "
			+ "audited. Not one's own.")
	GrantJson reviewed(@PathVariable long id, @RequestBody(required = false) ReviewedBody body) {
		return GrantJson.of(emergencies.markReviewed(id, body == null ? null : body.note()));
	}

	@PostMapping("/emergency/{id}/end")
	@Operation(summary = "End an emergency access to a person of the caller's units early (MANAGER); audited. "
			+ "409 when it has ended already.")
	GrantJson end(@PathVariable long id) {
		return GrantJson.of(emergencies.endEarly(id));
	}

}
