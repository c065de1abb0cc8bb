package se.skyddsnat.followup.indicator;

import static se.skyddsnat.followup.indicator.Breakdown.AGE_GROUP;
import static se.skyddsnat.followup.indicator.Breakdown.GENDER;
import static se.skyddsnat.followup.indicator.Breakdown.HOME_AREA;
import static se.skyddsnat.followup.indicator.Breakdown.HOME_MUNICIPALITY;
import static se.skyddsnat.followup.indicator.Breakdown.MINOR;
import static se.skyddsnat.followup.indicator.Breakdown.ROLE;
import static se.skyddsnat.followup.indicator.Breakdown.UNIT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import se.skyddsnat.outreach.Arena;
import se.skyddsnat.outreach.EncounterRole;
import se.skyddsnat.outreach.OutreachCounts.Filter;
import se.skyddsnat.outreach.ShiftKind;
import se.skyddsnat.region.RegionalOfferStatus;

/**
 * Every indicator, one definition each, in the order pages, the API and the report show
 * them. A new source (the training module's figures) is one more definition here with its
 * messages in {@code followup.properties}.
 */
@Component
public class IndicatorCatalogue {

	private static final Filter JOINT = Filter.all().kind(ShiftKind.JOINT);

	private static final Filter ONLINE = Filter.all().arena(Arena.ONLINE);

	private final List<Indicator> all;

	IndicatorCatalogue() {
		var list = new ArrayList<Indicator>();
		// the police cooperation agreement
		list.add(count("joint_shifts", "outreach", (s, f, t, b) -> s.shifts(f, t, ShiftKind.JOINT, b), false, UNIT));
		list.add(new Indicator("joint_shifts_per_week", Unit.PER_WEEK, "outreach",
				(s, f, t, b) -> s.shifts(f, t, ShiftKind.JOINT, null), null, BigDecimal.ONE, BigDecimal.valueOf(4),
				List.of(), null, false, false));
		list.add(people("joint_exposed", JOINT.role(EncounterRole.EXPOSED), "met", GENDER, AGE_GROUP, HOME_AREA, UNIT));
		list.add(
				people("joint_exposed_minors", JOINT.role(EncounterRole.EXPOSED).minor(true), "joint_exposed", GENDER));
		list.add(people("joint_buyers", JOINT.role(EncounterRole.BUYER), "met", GENDER, AGE_GROUP, HOME_AREA, UNIT));
		list.add(people("joint_buyer_minors", JOINT.role(EncounterRole.BUYER).minor(true), "joint_buyers", GENDER));
		// all outreach
		list.add(people("met", Filter.all(), null, ROLE, GENDER, AGE_GROUP, HOME_AREA, HOME_MUNICIPALITY, UNIT, MINOR));
		list.add(people("met_minors", Filter.all().minor(true), "met", ROLE, GENDER));
		list.add(new Indicator("offered_support", Unit.PERCENT, "outreach",
				(s, f, t, b) -> s.encounters(f, t, Filter.all().offered(true), b),
				(s, f, t, b) -> s.encounters(f, t, Filter.all(), null), BigDecimal.valueOf(100), null, List.of(), "met",
				true, false));
		list.add(people("online_met", ONLINE, "met", HOME_AREA, GENDER, AGE_GROUP, MINOR));
		list.add(people("online_minors", ONLINE.minor(true), "online_met", HOME_AREA, GENDER));
		// Stödcentrum
		list.add(new Indicator("stodcentrum_satisfied", Unit.PERCENT, "stodcentrum",
				(s, f, t, b) -> total(s.stodcentrum(f, t).satisfiedTalks()),
				(s, f, t, b) -> total(s.stodcentrum(f, t).ratedTalks()), BigDecimal.valueOf(100), null, List.of(), null,
				true, false));
		list.add(new Indicator("stodcentrum_violence", Unit.COUNT, "stodcentrum",
				(s, f, t, b) -> b == GENDER ? nonZero(s.stodcentrum(f, t).violence())
						: total(s.stodcentrum(f, t).violence().values().stream().mapToLong(Long::longValue).sum()),
				null, BigDecimal.ONE, null, List.of(GENDER), null, true, false));
		// the regional offer
		list.add(count("consultations", "region", (s, f, t, b) -> s.consultations(f, t, b), true, HOME_MUNICIPALITY));
		list.add(count("municipalities_joined", "region",
				(s, f, t,
						b) -> total(s.offer(t).stream().filter(m -> m.status() == RegionalOfferStatus.JOINED).count()),
				false));
		list.add(count("notices", "region", (s, f, t, b) -> s.notices(f, t, b), true, HOME_MUNICIPALITY));
		list.add(new Indicator("steering_meetings", Unit.COUNT, "region",
				(s, f, t, b) -> total(s.meetings(f, t).stream().filter(m -> m.steering()).count()), null,
				BigDecimal.ONE, BigDecimal.valueOf(3), List.of(), null, false, false));
		list.add(count("preparation_meetings", "region",
				(s, f, t, b) -> total(s.meetings(f, t).stream().filter(m -> !m.steering()).count()), false));
		// trainings (module training, through its TrainingFigures)
		list.add(count("trainings_held", "training", (s, f, t, b) -> total(s.trainingsHeld(f, t)), false));
		list.add(count("training_participants", "training", (s, f, t, b) -> s.trainingParticipants(f, t, b), true,
				HOME_MUNICIPALITY));
		list.add(count("lectures", "training", (s, f, t, b) -> total(s.lectures(f, t)), false));
		list.add(new Indicator("training_satisfied", Unit.PERCENT, "training",
				(s, f, t, b) -> total(s.trainingSatisfaction(f, t)[0]),
				(s, f, t, b) -> total(s.trainingSatisfaction(f, t)[1]), BigDecimal.valueOf(100), null, List.of(), null,
				true, false));
		// reported from outside
		list.add(new Indicator("stodcentrum_contact_offered", Unit.COUNT, "manual",
				(s, f, t, b) -> total(s.manual("stodcentrum_contact_offered", f, t)), null, BigDecimal.ONE, null,
				List.of(), null, true, true));
		this.all = List.copyOf(list);
	}

	public List<Indicator> all() {
		return all;
	}

	public Optional<Indicator> find(String id) {
		return all.stream().filter(i -> i.id().equals(id)).findFirst();
	}

	private static Indicator count(String id, String source, Indicator.Computation numerator, boolean protect,
			Breakdown... breakdowns) {
		return new Indicator(id, Unit.COUNT, source, numerator, null, BigDecimal.ONE, null, List.of(breakdowns), null,
				protect, false);
	}

	private static Indicator people(String id, Filter filter, String partOf, Breakdown... breakdowns) {
		return new Indicator(id, Unit.COUNT, "outreach", (s, f, t, b) -> s.encounters(f, t, filter, b), null,
				BigDecimal.ONE, null, List.of(breakdowns), partOf, true, false);
	}

	static Map<String, Long> total(long n) {
		var m = new TreeMap<String, Long>();
		m.put(Sources.TOTAL, n);
		return m;
	}

	private static Map<String, Long> nonZero(Map<String, Long> counts) {
		var m = new TreeMap<String, Long>();
		counts.forEach((k, v) -> {
			if (v > 0) {
				m.put(k, v);
			}
		});
		return m;
	}

}
