package se.skyddsnat.training.booking;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import se.skyddsnat.training.course.Session;

/**
 * The sign-in sheet and the certificate of attendance, with Liberation Sans embedded (å,
 * ä, ö print everywhere).
 */
final class Pdfs {

	private static volatile BaseFont regular;

	private static volatile BaseFont bold;

	private Pdfs() {
	}

	private static BaseFont font(String file) {
		try (InputStream in = Pdfs.class.getResourceAsStream("/training/fonts/" + file)) {
			if (in == null) {
				throw new IllegalStateException("Font " + file + " not on the class path");
			}
			return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Font regular(float size) {
		if (regular == null) {
			regular = font("LiberationSans-Regular.ttf");
		}
		return new Font(regular, size);
	}

	private static Font bold(float size) {
		if (bold == null) {
			bold = font("LiberationSans-Bold.ttf");
		}
		return new Font(bold, size);
	}

	static byte[] signInSheet(Session s, List<Booking> participants, Locale locale, BookingMails mails) {
		var bytes = new ByteArrayOutputStream();
		var doc = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(doc, bytes);
		doc.addTitle(mails.text(locale, "training.signIn.title"));
		doc.open();
		doc.add(new Paragraph(mails.text(locale, "training.signIn.title") + ": " + s.course().title(), bold(16)));
		doc.add(new Paragraph(mails.when(s, locale) + " · "
				+ (s.digital() ? mails.text(locale, "training.format.digital") : s.place()), regular(11)));
		doc.add(new Paragraph(" "));
		var table = new PdfPTable(new float[] { 30, 18, 27, 25 });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (String key : List.of("training.col.name", "training.col.municipality", "training.col.organisation",
				"training.col.signature")) {
			var cell = new PdfPCell(new Phrase(mails.text(locale, key), bold(10)));
			cell.setBackgroundColor(new Color(230, 230, 230));
			cell.setPadding(5);
			table.addCell(cell);
		}
		for (Booking b : participants) {
			for (String v : new String[] { b.name(), mails.municipalityName(b.municipality(), locale), b.organisation(),
					"" }) {
				var cell = new PdfPCell(new Phrase(v, regular(10)));
				cell.setMinimumHeight(24);
				cell.setPadding(5);
				table.addCell(cell);
			}
		}
		doc.add(table);
		doc.close();
		return bytes.toByteArray();
	}

	static byte[] certificate(Booking b, Session s, Locale locale, BookingMails mails) {
		var bytes = new ByteArrayOutputStream();
		var doc = new Document(PageSize.A4, 60, 60, 80, 60);
		PdfWriter.getInstance(doc, bytes);
		doc.addTitle(mails.text(locale, "training.certificate.title"));
		doc.open();
		var title = new Paragraph(mails.text(locale, "training.certificate.title"), bold(26));
		title.setAlignment(Element.ALIGN_CENTER);
		doc.add(title);
		doc.add(new Paragraph(" "));
		var name = new Paragraph(b.name(), bold(18));
		name.setAlignment(Element.ALIGN_CENTER);
		doc.add(name);
		var text = new Paragraph(mails.text(locale, "training.certificate.text", s.course().title(),
				mails.when(s, locale), String.join(", ", s.course().units())), regular(12));
		text.setAlignment(Element.ALIGN_CENTER);
		text.setSpacingBefore(20);
		doc.add(text);
		doc.close();
		return bytes.toByteArray();
	}

}
