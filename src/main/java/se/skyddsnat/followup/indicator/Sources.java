package se.skyddsnat.followup.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.StodcentrumFigures;
import se.skyddsnat.outreach.OutreachCounts;
import se.skyddsnat.outreach.ShiftKind;
import se.skyddsnat.region.Consultations;
import se.skyddsnat.region.GroupMeetings;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.region.Notices;
import se.skyddsnat.region.RegionalOfferStatus;
import se.skyddsnat.training.TrainingFigures;

/**
 * The other modules' public query interfaces as the catalogue's definitions use them, and
 * the manual figures: every count an indicator is made of comes through here. Breakdown
 * keys: see {@link OutreachCounts}; home area is {@code city} (the host municipality),
 * {@code county} (the rest of its county), {@code outside} (another county or abroad) or
 * {@code unknown}; municipality breakdowns use the municipality's code.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Sources {

	public static final String TOTAL = "total";

	private final OutreachCounts outreach;

	private final StodcentrumFigures stodcentrum;

	private final Consultations consultations;

	private final Notices notices;

	private final Municipalities municipalities;

	private final GroupMeetings meetings;

	private final ManualFigures manual;

	private final TrainingFigures training;

	public Map<String, Long> shifts(LocalDate from, LocalDate to, ShiftKind kind, Breakdown by) {
		return outreach.shifts(from, to, kind, by == Breakdown.UNIT ? OutreachCounts.By.UNIT : OutreachCounts.By.NONE);
	}

	public Map<String, Long> encounters(LocalDate from, LocalDate to, OutreachCounts.Filter filter, Breakdown by) {
		if (by == Breakdown.HOME_AREA) {
			return homeAreas(outreach.encounters(from, to, filter, OutreachCounts.By.HOME));
		}
		OutreachCounts.By b = by == null ? OutreachCounts.By.NONE : switch (by) {
			case GENDER -> OutreachCounts.By.GENDER;
			case AGE_GROUP -> OutreachCounts.By.AGE_GROUP;
			case HOME_MUNICIPALITY -> OutreachCounts.By.HOME;
			case UNIT -> OutreachCounts.By.UNIT;
			case ROLE -> OutreachCounts.By.ROLE;
			case MINOR -> OutreachCounts.By.MINOR;
			case HOME_AREA -> throw new IllegalStateException();
		};
		return outreach.encounters(from, to, filter, b);
	}

	/** Training sessions held in the period. */
	public long trainingsHeld(LocalDate from, LocalDate to) {
		return training.sessionsHeld(from, to).held();
	}

	/** Participants who attended, in all or per the municipality they work in. */
	public Map<String, Long> trainingParticipants(LocalDate from, LocalDate to, Breakdown by) {
		var counts = new TreeMap<String, Long>();
		training.attendedByMunicipality(from, to).forEach((code, n) -> {
			if (n > 0) {
				counts.merge(by == Breakdown.HOME_MUNICIPALITY ? code : TOTAL, n, Long::sum);
			}
		});
		return counts;
	}

	/** Lectures held in the period. */
	public long lectures(LocalDate from, LocalDate to) {
		return training.lectures(from, to).count();
	}

	/**
	 * The evaluations' satisfied answers and all answers; both 0 below the answers a
	 * result needs.
	 */
	public long[] trainingSatisfaction(LocalDate from, LocalDate to) {
		return training.satisfaction(from, to)
			.map(x -> new long[] { x.satisfied(), x.answers() })
			.orElse(new long[] { 0, 0 });
	}

	public StodcentrumFigures.Period stodcentrum(LocalDate from, LocalDate to) {
		return stodcentrum.figures(from, to);
	}

	public Map<String, Long> consultations(LocalDate from, LocalDate to, Breakdown by) {
		var counts = new TreeMap<String, Long>();
		consultations.countByMunicipality(from, to).forEach((code, n) -> {
			if (n > 0) {
				counts.merge(by == Breakdown.HOME_MUNICIPALITY ? code.value() : TOTAL, n, Long::sum);
			}
		});
		return counts;
	}

	public Map<String, Long> notices(LocalDate from, LocalDate to, Breakdown by) {
		var counts = new TreeMap<String, Long>();
		notices.countsByMunicipality(from, to)
			.forEach((code, n) -> counts.merge(by == Breakdown.HOME_MUNICIPALITY ? code.value() : TOTAL,
					n.open() + n.closed(), Long::sum));
		return counts;
	}

	/**
	 * The municipalities of the offer's area with their status on {@code day}, in name
	 * order.
	 */
	public List<OfferMember> offer(LocalDate day) {
		return municipalities.all()
			.stream()
			.map(m -> new OfferMember(m.code().value(), m.name(),
					municipalities.offerStatusOn(m.code(), day).orElse(RegionalOfferStatus.UNKNOWN)))
			.sorted(java.util.Comparator.comparing(OfferMember::name))
			.toList();
	}

	public record OfferMember(String code, String name, RegionalOfferStatus status) {
	}

	public List<GroupMeetings.Held> meetings(LocalDate from, LocalDate to) {
		return meetings.between(from, to);
	}

	public long manual(String indicator, LocalDate from, LocalDate to) {
		return manual.sum(indicator, from, to);
	}

	/** Municipality names by code, for breakdown labels. */
	public Map<String, String> municipalityNames() {
		var names = new TreeMap<String, String>();
		municipalities.all().forEach(m -> names.put(m.code().value(), m.name()));
		return names;
	}

	private Map<String, Long> homeAreas(Map<String, Long> byHome) {
		List<Municipality> all = municipalities.all();
		Municipality host = all.stream()
			.filter(m -> m.regionalOffer2022() == RegionalOfferStatus.HOST)
			.findFirst()
			.orElse(null);
		var counts = new TreeMap<String, Long>();
		byHome.forEach((home, n) -> {
			String area;
			if (home.equals("unknown")) {
				area = "unknown";
			}
			else if (home.equals("abroad")) {
				area = "outside";
			}
			else if (host != null && host.code().value().equals(home)) {
				area = "city";
			}
			else {
				var m = all.stream().filter(x -> x.code().value().equals(home)).findFirst();
				area = host != null && m.isPresent() && m.get().county().equals(host.county()) ? "county" : "outside";
			}
			counts.merge(area, n, Long::sum);
		});
		return counts;
	}

}
