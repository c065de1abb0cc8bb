package se.skyddsnat.followup;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;

import se.skyddsnat.shared.Count;

/**
 * (Public for the templates' expression language only.) The usage figures as people read
 * them, for the page and the XLSX alike: row labels, counts as they arrive (exact, or
 * already suppressed by {@link UsageService}: "&lt;5", "x"), money and "joined" as text.
 * Money is not a count and is always shown exactly.
 */
public record UsageReport(UsageFigures figures, boolean suppress, Locale locale, MessageSource messages) {

	/**
	 * A count for display: grouped digits, "&lt;5" or "x"; "–" where it does not apply.
	 */
	public String show(Count n) {
		return n == null ? "–" : n.text(locale);
	}

	/**
	 * For the text beside the chart: per measure drawn (exposed, buyers, consultations),
	 * the rows whose count is hidden and so not drawn, as "Danderyd, Nacka"; empty when
	 * none is.
	 */
	public List<String> hiddenInChart() {
		var lines = new ArrayList<String>();
		hidden(lines, "followup.usage.col.exposed", UsageFigures.Row::exposed);
		hidden(lines, "followup.usage.col.buyers", UsageFigures.Row::buyers);
		hidden(lines, "followup.usage.col.consultations", UsageFigures.Row::consultations);
		return lines;
	}

	/**
	 * The rows the chart draws: one bar group per row of the table; when every one of
	 * their counts is hidden (small counts everywhere), the area's total instead, so the
	 * chart still shows what may be shown. Empty when even the total has nothing to draw.
	 */
	public List<UsageFigures.Row> chartRows() {
		if (figures.rows().stream().anyMatch(UsageReport::drawable)) {
			return figures.rows();
		}
		return figures.sum() != null && drawable(figures.sum()) ? List.of(figures.sum()) : List.of();
	}

	/**
	 * Whether the chart draws only the area's total, because every row's counts are
	 * hidden.
	 */
	public boolean chartTotalOnly() {
		var rows = chartRows();
		return rows.size() == 1 && rows.getFirst().kind() == UsageFigures.Kind.SUM;
	}

	/**
	 * Whether the chart would draw no bar at all: every value it would show is hidden (or
	 * 0), the total's too.
	 */
	public boolean chartEmpty() {
		return chartRows().isEmpty();
	}

	private static boolean drawable(UsageFigures.Row r) {
		return Stream.of(r.exposed(), r.buyers(), r.consultations())
			.anyMatch(c -> c != null && c.isExact() && c.value() > 0);
	}

	private void hidden(List<String> lines, String measure, Function<UsageFigures.Row, Count> value) {
		var names = figures.rows()
			.stream()
			.filter(r -> value.apply(r) != null && value.apply(r).isHidden())
			.map(this::shortLabel)
			.toList();
		if (!names.isEmpty()) {
			lines.add(msg("followup.usage.chart.hiddenIn", msg(measure), String.join(", ", names)));
		}
	}

	/** Whole kronor with grouped digits ("81 000"); "–" where there is no share. */
	public String money(Long kronor) {
		return kronor == null ? "–" : NumberFormat.getIntegerInstance(locale).format(kronor);
	}

	/**
	 * The row's label: "Huddinge (0126)", municipalities outside the area, abroad,
	 * unknown home, sum.
	 */
	public String label(UsageFigures.Row row) {
		return switch (row.kind()) {
			case MUNICIPALITY -> row.name() + " (" + row.code() + ")";
			case ELSEWHERE -> msg("followup.usage.row.elsewhere");
			case ABROAD -> msg("followup.usage.row.abroad");
			case UNKNOWN -> msg("followup.usage.row.unknown");
			case SUM -> msg("followup.usage.row.sum");
		};
	}

	/** The short label for the chart: the municipality's name without its code. */
	public String shortLabel(UsageFigures.Row row) {
		return row.kind() == UsageFigures.Kind.MUNICIPALITY ? row.name() : label(row);
	}

	/** "Värdkommun", "Ja", "Nej" for a municipality of the area; "–" otherwise. */
	public String joined(UsageFigures.Row row) {
		if (!row.municipality()) {
			return "–";
		}
		return msg(row.host() ? "followup.usage.host" : row.joined() ? "followup.usage.yes" : "followup.usage.no");
	}

	/** The cost split's year as text for messages (not "2 007"). */
	public String year() {
		return String.valueOf(figures.costYear());
	}

	/** How many municipalities of the area had joined (the host not counted). */
	public long joinedCount() {
		return figures.rows().stream().filter(r -> r.municipality() && r.joined() && !r.host()).count();
	}

	public String msg(String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
