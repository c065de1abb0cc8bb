package se.skyddsnat.outreach;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import se.skyddsnat.shared.Count;

/**
 * (Public for the templates' expression language only.) The period's figures as people
 * read them: labelled lines for the page and both exports, and the ready sentence for the
 * yearly report. The figures arrive exact or already suppressed
 * ({@link PublishedStatistics}); this only shows them, so the page, the CSV and the XLSX
 * show the same cells hidden.
 *
 * @param figures the figures of the chosen kind(s) of shift
 * @param joint the figures of joint shifts only: the report sentence is about work with
 * the police
 * @param today the sentence says "since" when the period runs to today, "between"
 * otherwise
 */
public record StatisticsReport(StatisticsView figures, StatisticsView joint, boolean suppress, LocalDate today,
		Locale locale, MessageSource messages) {

	/**
	 * One figure: {@code value} is a {@link Count}, a {@link BigDecimal} percentage with
	 * one decimal, a {@link Long} constant (the weekly target), or null for a share not
	 * shown because a count it rests on is hidden.
	 */
	public record Line(String section, String item, String measure, Object value) {
	}

	/** A count for display: grouped digits, "&lt;5" or "x". */
	public String show(Count n) {
		return n.text(locale);
	}

	/** A share for display ("12,5 %"), or "–" when a count it rests on is hidden. */
	public String showShare(BigDecimal percent) {
		return percent == null ? "–" : NumberFormat.getNumberInstance(locale).format(percent) + "\u00A0%";
	}

	/** Percentage of those met who were offered support; null when hidden. */
	public BigDecimal offeredPercent() {
		return figures.offeredPercent();
	}

	/** Percentage of those offered support who accepted it; null when hidden. */
	public BigDecimal acceptedPercent() {
		return figures.acceptedPercent();
	}

	/** "Ja", "Nej", or "–" for a week whose count is hidden. */
	public String onTarget(StatisticsView.WeekRow week) {
		Boolean reached = week.onTarget(figures.weeklyTarget());
		return reached == null ? "–" : msg(reached ? "outreach.statistics.yes" : "outreach.statistics.no");
	}

	/** Week label for tables: "v. 10 (2026-03-02)". */
	public String week(LocalDate weekStart) {
		return msg("outreach.statistics.week", weekStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), weekStart.toString());
	}

	/** The home municipality's label: "Stockholm (0180)", abroad or unknown. */
	public String home(StatisticsView.HomeRow row) {
		return row.name() == null ? msg("outreach.home." + row.code()) : row.name() + " (" + row.code() + ")";
	}

	/** The sentence in the style of the city's reports, over joint shifts only. */
	public String sentence() {
		DateTimeFormatter longDate = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
		var text = new StringBuilder();
		if (joint.to().isBefore(today)) {
			text.append(msg("outreach.statistics.sentence.between", longDate.format(joint.from()),
					longDate.format(joint.to()), show(joint.shifts())));
		}
		else {
			text.append(msg("outreach.statistics.sentence.since", longDate.format(joint.from()), show(joint.shifts())));
		}
		if (joint.encounters().equals(Count.exact(0))) {
			return text.append(' ').append(msg("outreach.statistics.sentence.nobody")).toString();
		}
		text.append(' ').append(msg("outreach.statistics.sentence.met", show(joint.exposed()), show(joint.buyers())));
		text.append(' ')
			.append(msg("outreach.statistics.sentence.minors", show(joint.exposedMinors()), show(joint.buyerMinors())));
		text.append(' ');
		// "all of them" only when both counts are shown: it would otherwise tell that
		// nobody was left out
		if (joint.offeredSupport().isExact() && joint.offeredSupport().equals(joint.encounters())) {
			text.append(msg("outreach.statistics.sentence.allOffered"));
		}
		else {
			text.append(msg("outreach.statistics.sentence.someOffered", show(joint.offeredSupport()),
					show(joint.encounters())));
		}
		return text.toString();
	}

	/**
	 * Every figure as one line, in page order: the CSV file and the XLSX summary sheet.
	 */
	public List<Line> lines() {
		var lines = new ArrayList<Line>();
		StatisticsView f = figures;
		String shifts = msg("outreach.statistics.section.shifts");
		String count = msg("outreach.statistics.measure.count");
		lines.add(new Line(shifts, msg("outreach.statistics.allShifts"), count, f.shifts()));
		lines.add(new Line(shifts, msg("outreach.kind.joint"), count, f.jointShifts()));
		lines.add(new Line(shifts, msg("outreach.kind.own"), count, f.ownShifts()));
		lines.add(new Line(shifts, msg("outreach.police_operation.surveillance"), count, f.surveillance()));
		lines.add(new Line(shifts, msg("outreach.police_operation.raid"), count, f.raid()));

		String people = msg("outreach.statistics.section.people");
		String minors = msg("outreach.statistics.measure.minors");
		lines.add(new Line(people, msg("outreach.statistics.role.exposed"), count, f.exposed()));
		lines.add(new Line(people, msg("outreach.statistics.role.exposed"), minors, f.exposedMinors()));
		lines.add(new Line(people, msg("outreach.statistics.role.buyer"), count, f.buyers()));
		lines.add(new Line(people, msg("outreach.statistics.role.buyer"), minors, f.buyerMinors()));
		lines.add(new Line(people, msg("outreach.statistics.role.other"), count, f.other()));
		lines.add(new Line(people, msg("outreach.statistics.role.other"), minors, f.otherMinors()));
		lines.add(new Line(people, msg("outreach.statistics.allPeople"), count, f.encounters()));
		lines.add(new Line(people, msg("outreach.statistics.allPeople"), minors, f.minors()));

		String support = msg("outreach.statistics.section.support");
		lines.add(new Line(support, msg("outreach.statistics.offered"), count, f.offeredSupport()));
		lines.add(new Line(support, msg("outreach.statistics.offered"), msg("outreach.statistics.measure.shareOfMet"),
				offeredPercent()));
		lines.add(new Line(support, msg("outreach.statistics.accepted"), count, f.accepted()));
		lines.add(new Line(support, msg("outreach.statistics.accepted"),
				msg("outreach.statistics.measure.shareOfOffered"), acceptedPercent()));

		String home = msg("outreach.statistics.section.home");
		for (var row : f.byHomeMunicipality()) {
			lines.add(new Line(home, home(row), msg("outreach.statistics.role.exposed"), row.exposed()));
			lines.add(new Line(home, home(row), msg("outreach.statistics.role.buyer"), row.buyers()));
			lines.add(new Line(home, home(row), msg("outreach.statistics.role.other"), row.other()));
		}
		String arena = msg("outreach.statistics.section.arena");
		for (var row : f.byArena()) {
			String name = msg("outreach.arena." + row.arena().code());
			lines.add(new Line(arena, name, msg("outreach.statistics.measure.shifts"), row.shifts()));
			lines.add(new Line(arena, name, msg("outreach.statistics.measure.people"), row.encounters()));
		}
		lines.add(new Line(msg("outreach.statistics.section.weeks"), msg("outreach.statistics.target"), count,
				(long) f.weeklyTarget()));
		for (var row : f.jointShiftsPerWeek()) {
			lines.add(new Line(msg("outreach.statistics.section.weeks"), week(row.weekStart()),
					msg("outreach.kind.joint"), row.jointShifts()));
		}
		return lines;
	}

	/**
	 * The value as text for CSV and tables: counts as digits or their mark, percentages
	 * with the locale's decimal sign.
	 */
	public String text(Object value) {
		return switch (value) {
			case null -> "";
			case Count n -> n.toString();
			case BigDecimal d -> NumberFormat.getNumberInstance(locale).format(d);
			default -> value.toString();
		};
	}

	public String msg(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
