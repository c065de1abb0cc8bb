package se.skyddsnat.audit;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The access log for administrators: logins, failed logins, changes and reads, filterable. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditReview review;
    private final Clock clock;

    AuditController(AuditReview review, Clock clock) {
        this.review = review;
        this.clock = clock;
    }

    @GetMapping("/admin/audit")
    String accessLog(@RequestParam(required = false) String actor,
            @RequestParam(required = false) AuditKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var zone = clock.getZone();
        var in = se.skyddsnat.shared.Input.of(clock);
        in.date("from", from, se.skyddsnat.shared.DateRange.search(), se.skyddsnat.shared.Input.DATE_RANGE);
        in.date("to", to, se.skyddsnat.shared.DateRange.search(), se.skyddsnat.shared.Input.DATE_RANGE);
        in.check();
        var query = new AuditReview.Query(actor, kind,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), null, null);
        model.addAttribute("result", review.search(query, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("kinds", AuditKind.values());
        model.addAttribute("actor", actor);
        model.addAttribute("kind", kind);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("zone", zone);
        return "audit/access-log";
    }

    /** Walking the whole chain takes time on a big log, so the page loads it after itself (htmx). */
    @GetMapping("/admin/audit/chain")
    String chainStatus(Model model) {
        model.addAttribute("chain", review.verifyChain());
        return "audit/access-log :: chain";
    }
}
