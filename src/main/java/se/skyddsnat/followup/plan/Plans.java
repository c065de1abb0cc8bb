package se.skyddsnat.followup.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.followup.FollowupLimits;
import se.skyddsnat.followup.indicator.IndicatorCatalogue;
import se.skyddsnat.followup.plan.PlanRecords.ActionPlan;
import se.skyddsnat.followup.plan.PlanRecords.Measure;
import se.skyddsnat.followup.plan.PlanRecords.Programme;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.Input;

/**
 * The programme, the action plan, its measures and their follow-ups. ANALYST and
 * COORDINATOR keep them; MANAGER reads.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Plans {

	private final PlanStore store;

	private final IndicatorCatalogue catalogue;

	private final Clock clock;

	public Optional<Programme> programme() {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		return store.latestProgramme();
	}

	public Optional<ActionPlan> plan() {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		return store.latestPlan();
	}

	/** The latest plan's measures in area order (empty without a plan). */
	@Transactional(readOnly = true)
	public List<Measure> measures() {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		return store.latestPlan().map(p -> store.measures(p.id())).orElse(List.of());
	}

	public List<Measure> measures(Area area) {
		return measures().stream().filter(m -> m.area() == area).toList();
	}

	public Optional<Measure> measure(long id) {
		return measures().stream().filter(m -> m.id() == id).findFirst();
	}

	public boolean mayEdit() {
		return CurrentUser.get().map(u -> u.may(Permission.EDIT_FOLLOWUP)).orElse(false);
	}

	@Transactional
	public long createProgramme(String name, String from, String to, String goals) {
		CurrentUser user = CurrentUser.require(Permission.EDIT_FOLLOWUP);
		var in = Input.of(clock);
		String n = in.required("name", name, FollowupLimits.PROGRAMME_NAME, "followup.error.name");
		LocalDate f = in.requiredDate("from", from, in.anyDate(), "followup.error.from");
		LocalDate t = in.requiredDate("to", to, in.anyDate(), "followup.error.to");
		if (f != null && t != null && t.isBefore(f)) {
			in.reject("to", "period.error.order");
		}
		String g = in.text("goals", goals, FollowupLimits.PROGRAMME_GOALS);
		in.check();
		return store.insertProgramme(n, f, t, g, user.username());
	}

	@Transactional
	public long createPlan(String name, String decidedOn) {
		CurrentUser user = CurrentUser.require(Permission.EDIT_FOLLOWUP);
		var in = Input.of(clock);
		String n = in.required("name", name, FollowupLimits.PLAN_NAME, "followup.error.name");
		LocalDate d = in.requiredDate("decidedOn", decidedOn, in.past(), "followup.error.decidedOn");
		in.check();
		return store.insertPlan(store.latestProgramme().map(Programme::id).orElse(null), n, d, user.username());
	}

	@Transactional
	public long addMeasure(Area area, String text, String owner, String from, String to) {
		CurrentUser user = CurrentUser.require(Permission.EDIT_FOLLOWUP);
		var in = Input.of(clock);
		String x = in.required("text", text, FollowupLimits.MEASURE_TEXT, "followup.error.text");
		String o = in.required("owner", owner, FollowupLimits.MEASURE_OWNER, "followup.error.owner");
		LocalDate f = in.requiredDate("from", from, in.anyDate(), "followup.error.from");
		LocalDate t = in.requiredDate("to", to, in.anyDate(), "followup.error.to");
		if (f != null && t != null && t.isBefore(f)) {
			in.reject("to", "period.error.order");
		}
		ActionPlan plan = store.latestPlan().orElse(null);
		if (plan == null) {
			in.reject("text", "followup.error.noPlan");
		}
		in.check();
		return store.insertMeasure(plan.id(), area, x, o, f, t, user.username());
	}

	/**
	 * A follow-up of a measure for a period: status, account, and indicators of the
	 * catalogue as evidence.
	 */
	@Transactional
	public long followUp(long measureId, String from, String to, String status, String account, List<String> evidence) {
		CurrentUser user = CurrentUser.require(Permission.EDIT_FOLLOWUP);
		if (measure(measureId).isEmpty()) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND);
		}
		var in = Input.of(clock);
		LocalDate f = in.requiredDate("from", from, in.anyDate(), "followup.error.from");
		LocalDate t = in.requiredDate("to", to, in.anyDate(), "followup.error.to");
		if (f != null && t != null && t.isBefore(f)) {
			in.reject("to", "period.error.order");
		}
		MeasureStatus s = in.requiredCode("status", status, MeasureStatus.class, "followup.error.status");
		String a = in.text("account", account, FollowupLimits.FOLLOWUP_ACCOUNT);
		var links = new ArrayList<String>(new LinkedHashSet<>(evidence == null ? List.of() : evidence));
		if (links.size() > 20 || links.stream().anyMatch(id -> catalogue.find(id).isEmpty())) {
			in.reject("evidence", "followup.error.evidence");
		}
		in.check();
		return store.insertFollowUp(measureId, f, t, s, a, links, user.username());
	}

}
