package se.skyddsnat.casework.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;

import se.skyddsnat.casework.extract.RegisterExtract.Entry;
import se.skyddsnat.casework.extract.RegisterExtract.Field;
import se.skyddsnat.casework.extract.RegisterExtract.Note;
import se.skyddsnat.casework.extract.RegisterExtract.Section;

/**
 * The extract as a PDF: Liberation Sans embedded (so å, ä and ö print and the text can be
 * searched), the secrecy marking "Sekretess enligt OSL 26 kap. 1 §" at the top of every
 * page with the page number, then the secrecy considerations and every section.
 */
final class ExtractPdf {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ExtractPdf() {
	}

	static String time(Instant instant, ZoneId zone) {
		return instant == null ? "" : TIME.format(instant.atZone(zone));
	}

	static byte[] render(RegisterExtract extract, MessageSource messages, Locale locale, ZoneId zone) {
		BaseFont regular = font("liberation/LiberationSans-Regular.ttf");
		BaseFont boldFace = font("liberation/LiberationSans-Bold.ttf");
		Font title = new Font(boldFace, 15);
		Font heading = new Font(boldFace, 12);
		Font bold = new Font(boldFace, 9);
		Font normal = new Font(regular, 9);
		Font marking = new Font(boldFace, 9);
		String secrecy = messages.getMessage("extract.pdf.marking", null, locale);

		var bytes = new ByteArrayOutputStream();
		var document = new Document(PageSize.A4, 40, 40, 56, 42);
		PdfWriter writer = PdfWriter.getInstance(document, bytes);
		writer.setPageEvent(new PdfPageEventHelper() {
			@Override
			public void onEndPage(PdfWriter w, Document d) {
				ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_LEFT, new Phrase(secrecy, marking),
						d.left(), d.top() + 20, 0);
				ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_RIGHT,
						new Phrase(messages.getMessage("extract.pdf.page", new Object[] { w.getPageNumber() }, locale),
								normal),
						d.right(), d.top() + 20, 0);
			}
		});
		document.addTitle(messages.getMessage("extract.pdf.title", null, locale));
		document.open();
		document.add(new Paragraph(messages.getMessage("extract.pdf.title", null, locale), title));
		document.add(new Paragraph(messages.getMessage("extract.pdf.about",
				new Object[] { extract.personalNumber(), time(extract.producedAt(), zone), extract.producedBy() },
				locale), normal));

		document.add(new Paragraph(messages.getMessage("extract.pdf.considerations", null, locale), heading));
		for (Note note : extract.considerations()) {
			document.add(new Paragraph("• " + text(messages, locale, note), normal));
		}
		for (Section section : extract.sections()) {
			var head = new Paragraph(
					messages.getMessage(section.titleKey(), null, locale) + " (" + section.entries().size() + ")",
					heading);
			head.setSpacingBefore(10);
			document.add(head);
			if (section.entries().isEmpty()) {
				document.add(new Paragraph(messages.getMessage("extract.pdf.none", null, locale), normal));
			}
			for (Entry entry : section.entries()) {
				var table = new PdfPTable(new float[] { 1.3f, 4f });
				table.setWidthPercentage(100);
				table.setSpacingBefore(4);
				var top = new PdfPCell(new Phrase(text(messages, locale, entry.heading()), bold));
				top.setColspan(2);
				top.setPadding(3);
				table.addCell(top);
				for (Field field : entry.fields()) {
					table.addCell(cell(messages.getMessage(field.labelKey(), null, field.labelKey(), locale), bold));
					table.addCell(cell(field.value(), normal));
				}
				for (Note note : entry.notes()) {
					var cell = new PdfPCell(new Phrase(text(messages, locale, note), bold));
					cell.setColspan(2);
					cell.setPadding(3);
					table.addCell(cell);
				}
				document.add(table);
			}
		}
		document.close();
		return bytes.toByteArray();
	}

	private static String text(MessageSource messages, Locale locale, Note note) {
		return messages.getMessage(note.key(), note.args().toArray(), locale);
	}

	private static PdfPCell cell(String text, Font font) {
		var cell = new PdfPCell(new Phrase(text, font));
		cell.setPadding(3);
		return cell;
	}

	private static BaseFont font(String resource) {
		try (InputStream in = ExtractPdf.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(
						"The font " + resource + " (openpdf-fonts-extra) is not on the classpath");
			}
			return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
