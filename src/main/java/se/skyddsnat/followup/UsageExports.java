package se.skyddsnat.followup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import se.skyddsnat.shared.Count;

/**
 * The usage page as XLSX: one sheet with the period, the cost year and (when on) the
 * suppression note above the same rows and sum as the page. Counts and kronor are numbers
 * (Excel sums them); hidden counts are the text "&lt;5" or "x", the cells the page hides;
 * cells that do not apply (consultations abroad, shares outside the area) are empty.
 */
final class UsageExports {

	private UsageExports() {
	}

	static byte[] xlsx(UsageReport report) {
		var bytes = new ByteArrayOutputStream();
		try {
			var workbook = new Workbook(bytes, "Skyddsnat", "1.0");
			UsageFigures f = report.figures();
			Worksheet sheet = workbook.newWorksheet(report.msg("followup.usage.sheet"));
			sheet.value(0, 0, report.msg("followup.usage.title"));
			sheet.style(0, 0).bold().fontSize(14).set();
			sheet.value(1, 0, report.msg("followup.usage.period", f.from().toString(), f.to().toString()));
			sheet.value(2, 0,
					report.msg("followup.usage.costYear", String.valueOf(f.costYear()), report.money(f.costTotal())));
			sheet.value(3, 0, report.msg("followup.usage.notYet"));
			if (report.suppress()) {
				sheet.value(4, 0, report.msg("followup.usage.suppressed.note"));
				if (f.withheld()) {
					sheet.value(5, 0, report.msg("followup.usage.withheld.note"));
				}
			}
			int r = 6;
			String[] titles = { report.msg("followup.usage.col.municipality"), report.msg("followup.usage.col.code"),
					report.msg("followup.usage.col.exposed"), report.msg("followup.usage.col.buyers"),
					report.msg("followup.usage.col.consultations"), report.msg("followup.usage.col.notices"),
					report.msg("followup.usage.col.share", String.valueOf(f.costYear())),
					report.msg("followup.usage.col.joined", String.valueOf(f.costYear())),
					report.msg("followup.usage.col.trained") };
			for (int c = 0; c < titles.length; c++) {
				sheet.value(r, c, titles[c]);
				sheet.style(r, c).bold().wrapText(true).set();
			}
			r++;
			for (var row : f.rows()) {
				row(sheet, r++, row, report);
			}
			row(sheet, r, f.sum(), report);
			for (int c = 0; c < titles.length; c++) {
				sheet.style(r, c).bold().set();
			}
			sheet.width(0, 30);
			sheet.width(1, 10);
			for (int c = 2; c < 6; c++) {
				sheet.width(c, 16);
			}
			sheet.width(6, 20);
			sheet.width(7, 14);
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static void row(Worksheet sheet, int r, UsageFigures.Row row, UsageReport report) {
		sheet.value(r, 0, row.kind() == UsageFigures.Kind.MUNICIPALITY ? row.name() : report.label(row));
		if (row.kind() == UsageFigures.Kind.MUNICIPALITY) {
			sheet.value(r, 1, row.code());
		}
		count(sheet, r, 2, row.exposed(), report);
		count(sheet, r, 3, row.buyers(), report);
		count(sheet, r, 4, row.consultations(), report);
		count(sheet, r, 5, row.notices(), report);
		count(sheet, r, 8, row.trained(), report);
		if (row.share() != null) {
			sheet.value(r, 6, row.share());
		}
		if (row.municipality()) {
			sheet.value(r, 7, report.joined(row));
		}
		else if (row.kind() == UsageFigures.Kind.SUM) {
			sheet.value(r, 7, report.joinedCount());
		}
	}

	/**
	 * Numbers stay numbers; hidden counts are text ("<5", "x"); a count that does not
	 * apply is an empty cell.
	 */
	private static void count(Worksheet sheet, int r, int c, Count value, UsageReport report) {
		if (value == null) {
			return;
		}
		if (value.isHidden()) {
			sheet.value(r, c, value.mark());
		}
		else {
			sheet.value(r, c, value.value());
		}
	}

}
