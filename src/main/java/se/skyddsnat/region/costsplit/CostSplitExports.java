package se.skyddsnat.region.costsplit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;

import se.skyddsnat.region.CostSplitTable;

/**
 * The cost split as files, laid out like the offer's appendix: municipality, population
 * (and its year), share of population, cost in kronor, joined, invoiced; a sum row equal
 * to the total.
 */
final class CostSplitExports {

	private CostSplitExports() {
	}

	static byte[] xlsx(CostSplitTable table, MessageSource messages, Locale locale) {
		var bytes = new ByteArrayOutputStream();
		try {
			var workbook = new Workbook(bytes, "Skyddsnat", "1.0");
			Worksheet sheet = workbook.newWorksheet(msg(messages, locale, "costsplit.sheet", table.year()));
			sheet.value(0, 0, msg(messages, locale, "costsplit.heading", table.year()));
			sheet.style(0, 0).bold().fontSize(14).set();
			sheet.value(1, 0, msg(messages, locale, "costsplit.total.line",
					NumberFormat.getIntegerInstance(locale).format(table.total()), table.positionsText(locale)));
			String[] header = headers(messages, locale);
			for (int c = 0; c < header.length; c++) {
				sheet.value(3, c, header[c]);
				sheet.style(3, c).bold().set();
			}
			int r = 4;
			for (var row : table.rows()) {
				sheet.value(r, 0, row.code().value());
				sheet.value(r, 1, row.name());
				sheet.value(r, 2, row.population());
				sheet.value(r, 3, row.populationYear() == null ? ""
						: row.populationYear().toString() + (row.flagged(table.year()) ? " *" : ""));
				sheet.value(r, 4, row.percent());
				sheet.value(r, 5, row.share());
				sheet.value(r, 6, joined(messages, locale, row));
				sheet.value(r, 7, yesNo(messages, locale, row.invoiced()));
				r++;
			}
			sheet.value(r, 1, msg(messages, locale, "costsplit.sum"));
			sheet.value(r, 2, table.population());
			sheet.value(r, 5, table.sum());
			sheet.range(r, 0, r, 7).style().bold().set();
			sheet.value(r + 1, 1, msg(messages, locale, "costsplit.invoicedSum"));
			sheet.value(r + 1, 5, table.invoicedSum());
			if (table.anyFlagged()) {
				sheet.value(r + 3, 0, msg(messages, locale, "costsplit.flag.note", table.year()));
			}
			sheet.width(1, 22);
			sheet.width(2, 14);
			sheet.width(4, 12);
			sheet.width(5, 14);
			workbook.finish();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	static byte[] pdf(CostSplitTable table, MessageSource messages, Locale locale) {
		var bytes = new ByteArrayOutputStream();
		var document = new Document(PageSize.A4, 36, 36, 42, 42);
		PdfWriter.getInstance(document, bytes);
		document.addTitle(msg(messages, locale, "costsplit.heading", table.year()));
		document.open();
		Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
		Font normal = FontFactory.getFont(FontFactory.HELVETICA, 9);
		Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
		Font headerFont = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
		document.add(new Paragraph(msg(messages, locale, "costsplit.heading", table.year()), title));
		NumberFormat integer = NumberFormat.getIntegerInstance(locale);
		NumberFormat percent = NumberFormat.getNumberInstance(locale);
		percent.setMinimumFractionDigits(2);
		document.add(new Paragraph(msg(messages, locale, "costsplit.total.line", integer.format(table.total()),
				table.positionsText(locale)), normal));
		document.add(new Paragraph(" "));
		var pdfTable = new PdfPTable(new float[] { 2.5f, 1.4f, 1.6f, 1.7f, 1.4f, 1.4f, 1.3f });
		pdfTable.setWidthPercentage(100);
		pdfTable.setHeaderRows(1);
		String[] header = headers(messages, locale);
		for (int c = 1; c < header.length; c++) {
			// a header word must fit its column whole ("Folkmängdens år", not
			// "Folkmän/gdens år")
			pdfTable.addCell(cell(header[c], headerFont, c == 1 || c >= 6 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
		}
		for (var row : table.rows()) {
			pdfTable.addCell(cell(row.name(), normal, Element.ALIGN_LEFT)); // by name:
																			// codes stay
																			// in the API
																			// and CSV
			pdfTable.addCell(cell(integer.format(row.population()), normal, Element.ALIGN_RIGHT));
			pdfTable.addCell(cell(
					row.populationYear() == null ? "–" : row.populationYear() + (row.flagged(table.year()) ? " *" : ""),
					normal, Element.ALIGN_RIGHT));
			pdfTable.addCell(cell(percent.format(row.percent()), normal, Element.ALIGN_RIGHT));
			pdfTable.addCell(cell(integer.format(row.share()), normal, Element.ALIGN_RIGHT));
			pdfTable.addCell(cell(joined(messages, locale, row), normal, Element.ALIGN_LEFT));
			pdfTable.addCell(cell(yesNo(messages, locale, row.invoiced()), normal, Element.ALIGN_LEFT));
		}
		pdfTable.addCell(cell(msg(messages, locale, "costsplit.sum"), bold, Element.ALIGN_LEFT));
		pdfTable.addCell(cell(integer.format(table.population()), bold, Element.ALIGN_RIGHT));
		pdfTable.addCell(cell("", bold, Element.ALIGN_LEFT));
		pdfTable.addCell(cell("100", bold, Element.ALIGN_RIGHT));
		pdfTable.addCell(cell(integer.format(table.sum()), bold, Element.ALIGN_RIGHT));
		pdfTable.addCell(cell("", bold, Element.ALIGN_LEFT));
		pdfTable.addCell(cell("", bold, Element.ALIGN_LEFT));
		document.add(pdfTable);
		document.add(new Paragraph(
				msg(messages, locale, "costsplit.invoicedSum") + ": " + integer.format(table.invoicedSum()) + " kr",
				normal));
		if (table.anyFlagged()) {
			document.add(new Paragraph(msg(messages, locale, "costsplit.flag.note", table.year()), normal));
		}
		document.close();
		return bytes.toByteArray();
	}

	private static PdfPCell cell(String text, Font font, int align) {
		var cell = new PdfPCell(new Phrase(text, font));
		cell.setHorizontalAlignment(align);
		cell.setPadding(3);
		return cell;
	}

	private static String[] headers(MessageSource messages, Locale locale) {
		return new String[] { msg(messages, locale, "municipalities.code"),
				msg(messages, locale, "municipalities.name"), msg(messages, locale, "municipalities.population"),
				msg(messages, locale, "costsplit.col.populationYear"), msg(messages, locale, "costsplit.col.percent"),
				msg(messages, locale, "costsplit.col.cost"), msg(messages, locale, "costsplit.col.joined"),
				msg(messages, locale, "costsplit.col.invoiced") };
	}

	/**
	 * "Värdkommun" for the host city (it runs the units, it does not join), else joined
	 * "Ja" or "Nej".
	 */
	private static String joined(MessageSource messages, Locale locale, CostSplitTable.Row row) {
		return row.host() ? msg(messages, locale, "offer.HOST") : yesNo(messages, locale, row.joined());
	}

	private static String yesNo(MessageSource messages, Locale locale, boolean value) {
		return msg(messages, locale, value ? "costsplit.yes" : "costsplit.no");
	}

	private static String msg(MessageSource messages, Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
