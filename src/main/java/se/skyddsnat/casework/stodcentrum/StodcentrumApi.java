package se.skyddsnat.casework.stodcentrum;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.shared.SuppressedTable;
import se.skyddsnat.casework.core.CaseAccess;

/** Stödcentrum over JSON: a case's talks and choice, and the indicators for a period (aggregates only). */
@RestController
@Tag(name = "stodcentrum", description = "Stödcentrum: the support-talk limit and its choice; indicators")
class StodcentrumApi {

    private final Stodcentrum stodcentrum;

    StodcentrumApi(Stodcentrum stodcentrum) {
        this.stodcentrum = stodcentrum;
    }

    @GetMapping("/api/v1/casework/stodcentrum/indicators")
    @Operation(summary = "Indicators for a period (from, to: ISO dates, inclusive); COORDINATOR, MANAGER, ANALYST",
            description = "supportTalks, ratedTalks, satisfiedTalks (rated 4 or 5), shareSatisfied (0..1, null without "
                    + "rated talks), supported and closeRelationsViolence: distinct young people by gender (female, "
                    + "male, other, unknown, total). With suppress=true the counts go through primary and secondary "
                    + "suppression: 1–4 are the string \"<5\", a count hidden so that no hidden count can be worked out "
                    + "from the totals is \"x\" (5 or more), and a share resting on a hidden count is null.")
    Map<String, Object> indicators(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean suppress) {
        stodcentrum.requireReader();
        var period = se.skyddsnat.shared.DatePeriod.parse(from, to);
        StodcentrumIndicators i = stodcentrum.indicators(period.from(), period.to());
        var json = new LinkedHashMap<String, Object>();
        json.put("from", i.from().toString());
        json.put("to", i.to().toString());
        json.put("suppressed", suppress);
        SuppressedTable<String> shown = i.publish(suppress);
        json.put("withheld", shown.withheld());
        json.put("supportTalks", shown.get("talks").json());
        json.put("ratedTalks", shown.get("rated").json());
        json.put("satisfiedTalks", shown.get("satisfied").json());
        Double share = StodcentrumIndicators.shareSatisfied(shown);
        json.put("shareSatisfied", share == null ? null : Math.round(share * 1000) / 1000.0);
        json.put("supported", byGender(shown, "supported", i.supported().keySet()));
        json.put("closeRelationsViolence", byGender(shown, "violence", i.closeRelationsViolence().keySet()));
        return json;
    }

    @GetMapping("/api/v1/cases/{caseId}/stodcentrum")
    @Operation(summary = "A Stödcentrum case's support talks against the limit, whether the choice is due, its "
            + "decisions and the age warning; 404 for other kinds of case")
    Map<String, Object> status(@PathVariable long caseId) {
        StodcentrumStatus s = stodcentrum.status(caseId).orElseThrow(CaseAccess::notFound);
        var json = new LinkedHashMap<String, Object>();
        json.put("caseId", s.caseId());
        json.put("talks", s.talks());
        json.put("limit", s.limit());
        json.put("choiceRequired", s.choiceRequired());
        json.put("ageOutsideRange", !s.outsideRange().isEmpty());
        json.put("ageRange", Map.of("min", s.minAge(), "max", s.maxAge()));
        json.put("decisions", s.decisions().stream().map(StodcentrumApi::json).toList());
        return json;
    }

    @PostMapping("/api/v1/cases/{caseId}/stodcentrum/choice")
    @Operation(summary = "Record the choice after the last support talk: choice (close, refer_social_services, "
            + "refer_child_psychiatry, continue), reason (required to continue); closing also needs closedOn and "
            + "outcome and closes the case")
    ResponseEntity<Map<String, Object>> choose(@PathVariable long caseId, @RequestBody StodcentrumChoiceInput body) {
        return ResponseEntity.status(201).body(json(stodcentrum.choose(caseId, body)));
    }

    private static Map<String, Object> json(StodcentrumDecision d) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", d.id());
        m.put("choice", d.choice().code());
        m.put("reason", d.reason());
        m.put("talks", d.talks());
        m.put("decidedOn", d.decidedOn().toString());
        m.put("decidedBy", d.decidedBy());
        return m;
    }

    private static Map<String, Object> byGender(SuppressedTable<String> shown, String measure,
            java.util.Collection<String> genders) {
        var m = new LinkedHashMap<String, Object>();
        genders.forEach(gender -> m.put(gender, shown.get(measure + "." + gender).json()));
        m.put("total", shown.get(measure + ".total").json());
        return m;
    }
}
