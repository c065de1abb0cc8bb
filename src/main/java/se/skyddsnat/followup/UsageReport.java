package se.skyddsnat.followup;

import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;

import se.skyddsnat.shared.SmallCounts;

/**
 * (Public for the templates' expression language only.) The usage figures as people read them, for the
 * page and the XLSX alike: row labels, counts with suppression applied here (1–4 as "&lt;5"), money and
 * "joined" as text. Money is not a count and is always shown exactly.
 */
public record UsageReport(UsageFigures figures, boolean suppress, Locale locale, MessageSource messages) {

    /** A count for display: grouped digits, or "&lt;5"; "–" where it does not apply. */
    public String show(Long n) {
        if (n == null) {
            return "–";
        }
        return hidden(n) ? SmallCounts.SUPPRESSED : NumberFormat.getIntegerInstance(locale).format(n);
    }

    public boolean hidden(long n) {
        return SmallCounts.hidden(n, suppress);
    }

    /** Whole kronor with grouped digits ("81 000"); "–" where there is no share. */
    public String money(Long kronor) {
        return kronor == null ? "–" : NumberFormat.getIntegerInstance(locale).format(kronor);
    }

    /** The row's label: "Huddinge (0126)", municipalities outside the area, abroad, unknown home, sum. */
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
