package se.skyddsnat.followup.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.skyddsnat.followup.assignment.Assignments;
import se.skyddsnat.followup.indicator.Breakdown;
import se.skyddsnat.followup.indicator.IndicatorFormat;
import se.skyddsnat.followup.indicator.IndicatorValue;
import se.skyddsnat.followup.indicator.Indicators;
import se.skyddsnat.followup.indicator.Sources;
import se.skyddsnat.followup.plan.Area;
import se.skyddsnat.followup.plan.PlanRecords.FollowUp;
import se.skyddsnat.followup.plan.PlanRecords.Measure;
import se.skyddsnat.followup.plan.Plans;
import se.skyddsnat.region.GroupMeetings;
import se.skyddsnat.region.RegionalOfferStatus;
import se.skyddsnat.shared.Count;

/**
 * Writes the report's blocks from the records, in the report's own Swedish: every figure
 * comes from one computation of the indicators for the period (one suppressed table), and
 * each section ends with a note of the definitions and the period of the figures it
 * quotes. Lists are sorted, so the same records give the same text.
 */
@Component
@RequiredArgsConstructor
class ReportWriter {

	static final Locale SWEDISH = Locale.of("sv", "SE");

	/** The indicators the report quotes, with the breakdown each is quoted by. */
	private static final Map<String, Breakdown> QUOTED = new LinkedHashMap<>();

	static {
		for (String id : List.of("joint_shifts", "joint_shifts_per_week", "met", "joint_exposed",
				"joint_exposed_minors", "joint_buyers", "joint_buyer_minors", "met_minors", "offered_support",
				"online_met", "online_minors", "stodcentrum_satisfied", "stodcentrum_violence",
				"stodcentrum_contact_offered", "consultations", "municipalities_joined", "notices", "steering_meetings",
				"preparation_meetings", "trainings_held", "training_participants", "lectures", "training_satisfied")) {
			QUOTED.put(id, null);
		}
		QUOTED.put("online_met", Breakdown.HOME_AREA);
		QUOTED.put("stodcentrum_violence", Breakdown.GENDER);
	}

	private final Indicators indicators;

	private final IndicatorFormat format;

	private final Sources sources;

	private final Plans plans;

	private final Assignments assignments;

	private final MessageSource messages;

	/**
	 * The figures of the report for a period, suppressed: for the page, the report and
	 * the test.
	 */
	Map<String, IndicatorValue> figures(LocalDate from, LocalDate to) {
		var byId = new LinkedHashMap<String, IndicatorValue>();
		indicators.compute(from, to, true, QUOTED).forEach(v -> byId.put(v.id(), v));
		return byId;
	}

	ReportDocument annual(LocalDate from, LocalDate to) {
		Map<String, IndicatorValue> f = figures(from, to);
		var blocks = new ArrayList<Block>();
		blocks.add(new Block.Paragraph(msg("followup.report.intro", from, to)));
		blocks.add(new Block.Note(msg("followup.report.suppressionNote")));
		police(blocks, f, from, to);
		outreach(blocks, f, from, to);
		regional(blocks, f, from, to);
		support(blocks, f, from, to);
		plan(blocks, from, to);
		assignments(blocks, from, to);
		return new ReportDocument(msg("followup.report.title", from, to), from, to, List.copyOf(blocks));
	}

	/**
	 * A grant's final report: its purpose and the same figures for the grant's period.
	 */
	ReportDocument grant(String grantor, String purpose, long amount, LocalDate from, LocalDate to) {
		Map<String, IndicatorValue> f = figures(from, to);
		var blocks = new ArrayList<Block>();
		blocks.add(new Block.Paragraph(msg("followup.grantReport.intro", grantor, amount(amount), from, to)));
		blocks.add(new Block.Paragraph(msg("followup.grantReport.purpose", purpose)));
		blocks.add(new Block.Note(msg("followup.report.suppressionNote")));
		police(blocks, f, from, to);
		outreach(blocks, f, from, to);
		regional(blocks, f, from, to);
		support(blocks, f, from, to);
		return new ReportDocument(msg("followup.grantReport.title", grantor, from, to), from, to, List.copyOf(blocks));
	}

	/** The police cooperation agreement's section alone: its page. */
	List<Block> policeSection(LocalDate from, LocalDate to) {
		var blocks = new ArrayList<Block>();
		police(blocks, figures(from, to), from, to);
		return blocks;
	}

	private void police(List<Block> blocks, Map<String, IndicatorValue> f, LocalDate from, LocalDate to) {
		blocks.add(new Block.Heading(1, msg("followup.report.police.heading")));
		blocks.add(new Block.Paragraph(
				msg("followup.report.police.shifts", from, to, n(f, "joint_shifts"), v(f, "joint_shifts_per_week"))));
		blocks.add(new Block.Paragraph(msg("followup.report.police.met", n(f, "joint_exposed"), n(f, "joint_buyers"),
				n(f, "joint_exposed_minors"), n(f, "joint_buyer_minors"))));
		List<GroupMeetings.Held> meetings = sources.meetings(from, to);
		blocks.add(new Block.Paragraph(msg("followup.report.police.meetings", n(f, "steering_meetings"),
				String.valueOf(GroupMeetings.MINIMUM_STEERING_MEETINGS), n(f, "preparation_meetings"))));
		var decisions = meetings.stream()
			.filter(m -> m.decisions() != null && !m.decisions().isBlank())
			.map(m -> List.of(m.date().toString(),
					msg(m.steering() ? "followup.report.steering" : "followup.report.preparation"),
					m.decisions().strip()))
			.toList();
		if (decisions.isEmpty()) {
			blocks.add(new Block.Paragraph(msg("followup.report.police.noDecisions")));
		}
		else {
			blocks.add(new Block.Paragraph(msg("followup.report.police.decisions")));
			blocks.add(new Block.Table(
					List.of(msg("followup.col.date"), msg("followup.report.group"), msg("followup.report.decisions")),
					decisions));
		}
		notes(blocks, f, from, to, "joint_shifts", "joint_shifts_per_week", "joint_exposed", "joint_exposed_minors",
				"joint_buyers", "joint_buyer_minors", "steering_meetings", "preparation_meetings");
	}

	private void outreach(List<Block> blocks, Map<String, IndicatorValue> f, LocalDate from, LocalDate to) {
		blocks.add(new Block.Heading(1, msg("followup.report.outreach.heading")));
		blocks.add(new Block.Paragraph(
				msg("followup.report.outreach.met", n(f, "met"), n(f, "met_minors"), v(f, "offered_support"))));
		IndicatorValue online = f.get("online_met");
		blocks.add(new Block.Paragraph(msg("followup.report.outreach.online", n(f, "online_met"), n(f, "online_minors"),
				part(online, "city"), part(online, "county"), part(online, "outside"), part(online, "unknown"))));
		notes(blocks, f, from, to, "met", "met_minors", "offered_support", "online_met", "online_minors");
	}

	private void regional(List<Block> blocks, Map<String, IndicatorValue> f, LocalDate from, LocalDate to) {
		blocks.add(new Block.Heading(1, msg("followup.report.regional.heading")));
		List<Sources.OfferMember> offer = sources.offer(to);
		var joined = names(offer, RegionalOfferStatus.JOINED);
		var notJoined = names(offer, RegionalOfferStatus.NOT_JOINED);
		var unknown = names(offer, RegionalOfferStatus.UNKNOWN);
		blocks.add(new Block.Paragraph(msg("followup.report.regional.joined", to, n(f, "municipalities_joined"),
				joined.isEmpty() ? msg("followup.report.none") : String.join(", ", joined))));
		blocks.add(new Block.Paragraph(msg("followup.report.regional.notJoined",
				notJoined.isEmpty() ? msg("followup.report.none") : String.join(", ", notJoined))));
		if (!unknown.isEmpty()) {
			blocks.add(new Block.Paragraph(msg("followup.report.regional.unknown", String.join(", ", unknown))));
		}
		blocks.add(new Block.Paragraph(
				msg("followup.report.regional.consultations", n(f, "consultations"), n(f, "notices"))));
		blocks.add(new Block.Paragraph(msg("followup.report.regional.meetings", n(f, "steering_meetings"),
				String.valueOf(GroupMeetings.MINIMUM_STEERING_MEETINGS))));
		blocks.add(new Block.Paragraph(msg("followup.report.regional.trainings", n(f, "trainings_held"),
				n(f, "training_participants"), n(f, "lectures"), v(f, "training_satisfied"))));
		notes(blocks, f, from, to, "municipalities_joined", "consultations", "notices", "steering_meetings",
				"trainings_held", "training_participants", "lectures", "training_satisfied");
	}

	private void support(List<Block> blocks, Map<String, IndicatorValue> f, LocalDate from, LocalDate to) {
		blocks.add(new Block.Heading(1, msg("followup.report.support.heading")));
		IndicatorValue violence = f.get("stodcentrum_violence");
		blocks.add(new Block.Paragraph(msg("followup.report.support.satisfied", v(f, "stodcentrum_satisfied"))));
		blocks.add(new Block.Paragraph(msg("followup.report.support.violence", n(f, "stodcentrum_violence"),
				part(violence, "female"), part(violence, "male"), part(violence, "other"), part(violence, "unknown"))));
		IndicatorValue offered = f.get("stodcentrum_contact_offered");
		if (offered.numerator().isHidden() || offered.numerator().value() > 0) {
			blocks.add(new Block.Paragraph(
					msg("followup.report.support.contactOffered", n(f, "stodcentrum_contact_offered"))));
		}
		notes(blocks, f, from, to, "stodcentrum_satisfied", "stodcentrum_violence", "stodcentrum_contact_offered");
	}

	private void plan(List<Block> blocks, LocalDate from, LocalDate to) {
		blocks.add(new Block.Heading(1, msg("followup.report.plan.heading")));
		var plan = plans.plan();
		if (plan.isEmpty()) {
			blocks.add(new Block.Paragraph(msg("followup.report.plan.none")));
			return;
		}
		blocks.add(new Block.Paragraph(msg("followup.report.plan.intro", plan.get().name(), plan.get().decidedOn())));
		List<Measure> measures = plans.measures();
		for (Area area : Area.values()) {
			blocks.add(new Block.Heading(2, msg("followup.area." + area.code())));
			var rows = new ArrayList<List<String>>();
			for (Measure m : measures) {
				if (m.area() != area) {
					continue;
				}
				FollowUp latest = m.followUps().stream().filter(x -> !x.from().isAfter(to)).findFirst().orElse(null);
				rows.add(List.of(m.text(), m.owner(),
						msg("followup.status." + (latest == null ? "not_started" : latest.status().code())),
						latest == null || latest.account() == null ? "–" : latest.account()));
			}
			if (rows.isEmpty()) {
				blocks.add(new Block.Paragraph(msg("followup.report.plan.noMeasures")));
			}
			else {
				blocks.add(new Block.Table(List.of(msg("followup.col.measure"), msg("followup.col.owner"),
						msg("followup.col.status"), msg("followup.col.account")), rows));
			}
		}
		blocks.add(new Block.Note(msg("followup.report.plan.note", to)));
	}

	private void assignments(List<Block> blocks, LocalDate from, LocalDate to) {
		blocks.add(new Block.Heading(1, msg("followup.report.assignments.heading")));
		var list = assignments.between(from.getYear(), to.getYear());
		if (list.isEmpty()) {
			blocks.add(new Block.Paragraph(msg("followup.report.assignments.none")));
			return;
		}
		for (Assignments.Assignment a : list.reversed()) {
			blocks
				.add(new Block.Heading(2, msg("followup.assignment.heading", String.valueOf(a.year()), a.committee())));
			blocks.add(new Block.Paragraph(a.text()));
			var reports = a.reports().stream().filter(r -> !r.date().isBefore(from) && !r.date().isAfter(to)).toList();
			if (reports.isEmpty()) {
				blocks.add(new Block.Paragraph(msg("followup.report.assignments.noReports")));
			}
			for (Assignments.StatusReport r : reports) {
				blocks.add(new Block.Paragraph(msg("followup.report.assignments.report", r.date(), r.account())));
			}
		}
	}

	/**
	 * "Definitioner: Samverkanspass – antal … (period …, källa …)." one note per figure
	 * quoted.
	 */
	private void notes(List<Block> blocks, Map<String, IndicatorValue> f, LocalDate from, LocalDate to, String... ids) {
		var lines = new ArrayList<String>();
		for (String id : ids) {
			IndicatorValue v = f.get(id);
			lines.add(msg("followup.report.note", msg(v.indicator().nameKey()), msg(v.indicator().definitionKey()),
					from, to, msg(v.indicator().sourceKey())));
		}
		blocks.add(new Block.Note(msg("followup.report.notes", String.join(" ", lines))));
	}

	private static List<String> names(List<Sources.OfferMember> offer, RegionalOfferStatus status) {
		return offer.stream().filter(m -> m.status() == status).map(Sources.OfferMember::name).sorted().toList();
	}

	/** A count in prose: digits, "färre än 5", or "x". */
	private String n(Map<String, IndicatorValue> f, String id) {
		return format.prose(f.get(id).numerator(), SWEDISH);
	}

	/**
	 * A value in prose: "45,3 %", "3,2 per vecka", "–" for a share of nothing, "färre än
	 * 5" for a small count.
	 */
	private String v(Map<String, IndicatorValue> f, String id) {
		IndicatorValue v = f.get(id);
		if (v.shown()) {
			return format.number(v.value(), v.indicator().unit(), SWEDISH);
		}
		return v.undefined() ? "–" : msg("followup.prose.hidden");
	}

	private String part(IndicatorValue v, String key) {
		return v.parts()
			.stream()
			.filter(p -> p.key().equals(key))
			.findFirst()
			.map(p -> format.prose(p.count(), SWEDISH))
			.orElse(format.prose(Count.exact(0), SWEDISH));
	}

	private static String amount(long sek) {
		return java.text.NumberFormat.getIntegerInstance(SWEDISH).format(sek);
	}

	private String msg(String key, Object... args) {
		Object[] a = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			a[i] = args[i] == null ? "" : args[i].toString();
		}
		return messages.getMessage(key, a, SWEDISH);
	}

}
