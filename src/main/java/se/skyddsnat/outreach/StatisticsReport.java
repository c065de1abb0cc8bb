package se.skyddsnat.outreach;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

import se.skyddsnat.shared.SmallCounts;

/**
 * (Public for the templates' expression language only.) The period's figures as people read them: labelled lines for the page and both exports, and the
 * ready sentence for the yearly report. Suppression is applied here, once, for all of them.
 *
 * @param figures the figures of the chosen kind(s) of shift
 * @param joint   the figures of joint shifts only: the report sentence is about work with the police
 * @param today   the sentence says "since" when the period runs to today, "between" otherwise
 */
public record StatisticsReport(OutreachStatistics figures, OutreachStatistics joint, boolean suppress, LocalDate today,
        Locale locale, MessageSource messages) {

    /**
     * One figure: {@code value} is a {@link Long} count, a {@link BigDecimal} percentage with one decimal,
     * or null for a share not shown because its base is suppressed.
     */
    public record Line(String section, String item, String measure, Number value) {
    }

    /** A count for display: grouped digits, or "&lt;5". */
    public String show(long n) {
        return SmallCounts.hidden(n, suppress) ? SmallCounts.SUPPRESSED
                : NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** A share for display ("12,5 %"), or "–" when its base count is suppressed. */
    public String showShare(BigDecimal percent) {
        return percent == null ? "–" : NumberFormat.getNumberInstance(locale).format(percent) + "\u00A0%";
    }

    /** Percentage of those met who were offered support; null when the base is suppressed. */
    public BigDecimal offeredPercent() {
        return percent(figures.offeredSupport(), figures.encounters());
    }

    /** Percentage of those offered support who accepted it; null when the base is suppressed. */
    public BigDecimal acceptedPercent() {
        return percent(figures.accepted(), figures.offeredSupport());
    }

    /** Week label for tables: "v. 10 (2026-03-02)". */
    public String week(LocalDate weekStart) {
        return msg("outreach.statistics.week", weekStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), weekStart.toString());
    }

    public boolean hidden(long n) {
        return SmallCounts.hidden(n, suppress);
    }

    /** The home municipality's label: "Stockholm (0180)", abroad or unknown. */
    public String home(OutreachStatistics.HomeRow row) {
        return row.name() == null ? msg("outreach.home." + row.code()) : row.name() + " (" + row.code() + ")";
    }

    /** The sentence in the style of the city's reports, over joint shifts only. */
    public String sentence() {
        DateTimeFormatter longDate = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        var text = new StringBuilder();
        if (joint.to().isBefore(today)) {
            text.append(msg("outreach.statistics.sentence.between", longDate.format(joint.from()),
                    longDate.format(joint.to()), show(joint.shifts())));
        } else {
            text.append(msg("outreach.statistics.sentence.since", longDate.format(joint.from()), show(joint.shifts())));
        }
        if (joint.encounters() == 0) {
            return text.append(' ').append(msg("outreach.statistics.sentence.nobody")).toString();
        }
        text.append(' ').append(msg("outreach.statistics.sentence.met", show(joint.exposed()), show(joint.buyers())));
        text.append(' ').append(msg("outreach.statistics.sentence.minors", show(joint.exposedMinors()),
                show(joint.buyerMinors())));
        text.append(' ');
        if (joint.offeredSupport() == joint.encounters()) {
            text.append(msg("outreach.statistics.sentence.allOffered"));
        } else {
            text.append(msg("outreach.statistics.sentence.someOffered", show(joint.offeredSupport()),
                    show(joint.encounters())));
        }
        return text.toString();
    }

    /** Every figure as one line, in page order: the CSV file and the XLSX summary sheet. */
    public List<Line> lines() {
        var lines = new ArrayList<Line>();
        OutreachStatistics f = figures;
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

    /** The value as text for CSV and tables: counts with suppression, percentages with the locale's decimal sign. */
    public String text(Number value) {
        return switch (value) {
            case null -> "";
            case Long n -> SmallCounts.show(n, suppress);
            case BigDecimal d -> NumberFormat.getNumberInstance(locale).format(d);
            default -> value.toString();
        };
    }

    public String msg(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        // a share of a suppressed count would give the count away
        if (SmallCounts.hidden(whole, suppress) || SmallCounts.hidden(part, suppress)) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
