package se.skyddsnat.audit;

import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The access log for administrators: logins, failed logins, changes and reads,
 * filterable.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final AuditReview review;

	private final ChainVerifier verifier;

	private final AuditLog audit;

	private final Clock clock;

	private final AuditLines lines;

	@GetMapping("/admin/audit")
	String accessLog(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var zone = clock.getZone();
		var in = se.skyddsnat.shared.Input.of(clock);
		in.date("from", from, se.skyddsnat.shared.DateRange.search(), se.skyddsnat.shared.Input.DATE_RANGE);
		in.date("to", to, se.skyddsnat.shared.DateRange.search(), se.skyddsnat.shared.Input.DATE_RANGE);
		in.check();
		var query = new AuditReview.Query(actor, kind, from == null ? null : from.atStartOfDay(zone).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), null, null);
		var result = review.search(query, Math.max(page, 0), PAGE_SIZE);
		model.addAttribute("result", result);
		model.addAttribute("lines", lines.of(result.entries()));
		model.addAttribute("kinds", AuditKind.values());
		model.addAttribute("actor", actor);
		model.addAttribute("kind", kind);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("zone", zone);
		return "audit/access-log";
	}

	/**
	 * Seals what is committed and verifies the chain from where it was last verified: the
	 * page loads it after itself (htmx).
	 */
	@GetMapping("/admin/audit/chain")
	String chainStatus(Model model) {
		model.addAttribute("chain", review.verifyChain());
		return "audit/access-log :: chain";
	}

	/** Walks the whole chain from its first link: an explicit action, itself audited. */
	@PostMapping("/admin/audit/chain/verify")
	String verifyFully(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		AuditReview.ChainStatus status = verifier.verifyFully();
		audit.record(AuditEvent.of(AuditKind.CHAIN_VERIFIED)
			.details(status.problem() == null ? "full verification: no break in " + status.sealed() + " links"
					: "full verification: " + status.problem() + " at position " + status.firstBrokenPosition()));
		if (htmx == null) {
			return "redirect:/admin/audit";
		}
		model.addAttribute("chain", status);
		return "audit/access-log :: chain";
	}

}
