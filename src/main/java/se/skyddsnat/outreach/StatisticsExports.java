package se.skyddsnat.outreach;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import se.skyddsnat.shared.Count;

/**
 * The statistics page as files. CSV for Swedish Excel: UTF-8 with BOM, {@code ;} between
 * fields, decimal comma, one figure per line (section; item; measure; value). XLSX: a
 * summary sheet with the period and the report sentence above the same lines, and a sheet
 * of joint shifts per week. Hidden counts are the text "&lt;5" or "x" in both, exactly
 * the cells the page hides.
 */
final class StatisticsExports {

	private StatisticsExports() {
	}

	static byte[] csv(StatisticsReport report) {
		var out = new StringBuilder("\uFEFF");
		row(out, report.msg("outreach.statistics.col.section"), report.msg("outreach.statistics.col.item"),
				report.msg("outreach.statistics.col.measure"), report.msg("outreach.statistics.col.value"));
		for (var line : report.lines()) {
			row(out, line.section(), line.item(), line.measure(), report.text(line.value()));
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(StatisticsReport report) {
		var bytes = new ByteArrayOutputStream();
		try {
			var workbook = new Workbook(bytes, "Skyddsnat", "1.0");
			Worksheet summary = workbook.newWorksheet(report.msg("outreach.statistics.sheet.summary"));
			StatisticsView f = report.figures();
			summary.value(0, 0, report.msg("outreach.statistics.title"));
			summary.style(0, 0).bold().fontSize(14).set();
			summary.value(1, 0, report.msg("outreach.statistics.period", f.from().toString(), f.to().toString()));
			summary.value(2, 0, f.kind() == null ? report.msg("outreach.statistics.kind.all")
					: report.msg("outreach.kind." + f.kind().code()));
			summary.value(3, 0, report.sentence());
			if (report.suppress()) {
				summary.value(4, 0, report.msg("outreach.statistics.suppressed.note"));
				if (f.withheld()) {
					summary.value(5, 0, report.msg("outreach.statistics.withheld.note"));
				}
			}
			int r = 6;
			header(summary, r++, report.msg("outreach.statistics.col.section"),
					report.msg("outreach.statistics.col.item"), report.msg("outreach.statistics.col.measure"),
					report.msg("outreach.statistics.col.value"));
			String weeks = report.msg("outreach.statistics.section.weeks");
			for (var line : report.lines()) {
				if (line.section().equals(weeks)) {
					continue;
				}
				summary.value(r, 0, line.section());
				summary.value(r, 1, line.item());
				summary.value(r, 2, line.measure());
				cell(summary, r, 3, line.value(), report);
				r++;
			}
			summary.width(0, 22);
			summary.width(1, 34);
			summary.width(2, 26);
			summary.width(3, 12);

			Worksheet perWeek = workbook.newWorksheet(report.msg("outreach.statistics.sheet.weeks"));
			header(perWeek, 0, report.msg("outreach.statistics.col.weekStart"),
					report.msg("outreach.statistics.col.week"), report.msg("outreach.kind.joint"),
					report.msg("outreach.statistics.target"), report.msg("outreach.statistics.col.onTarget"));
			r = 1;
			for (var week : f.jointShiftsPerWeek()) {
				perWeek.value(r, 0, week.weekStart().toString());
				perWeek.value(r, 1, report.week(week.weekStart()));
				cell(perWeek, r, 2, week.jointShifts(), report);
				perWeek.value(r, 3, f.weeklyTarget());
				perWeek.value(r, 4, report.onTarget(week));
				r++;
			}
			perWeek.width(0, 14);
			perWeek.width(1, 22);
			perWeek.width(2, 22);
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	/**
	 * Numbers stay numbers (Excel sums them); hidden counts ("<5", "x") and hidden shares
	 * ("–") are text.
	 */
	private static void cell(Worksheet sheet, int r, int c, Object value, StatisticsReport report) {
		switch (value) {
			case null -> sheet.value(r, c, "–");
			case Count n when n.isHidden() -> sheet.value(r, c, n.mark());
			case Count n -> sheet.value(r, c, n.value());
			case BigDecimal d -> sheet.value(r, c, d);
			case Number n -> sheet.value(r, c, n);
			default -> sheet.value(r, c, report.text(value));
		}
	}

	private static void header(Worksheet sheet, int r, String... titles) {
		for (int c = 0; c < titles.length; c++) {
			sheet.value(r, c, titles[c]);
			sheet.style(r, c).bold().set();
		}
	}

	private static void row(StringBuilder out, String... fields) {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				out.append(';');
			}
			out.append(quote(fields[i]));
		}
		out.append("\r\n");
	}

	private static String quote(String field) {
		if (field.contains(";") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
			return '"' + field.replace("\"", "\"\"") + '"';
		}
		return field;
	}

}
