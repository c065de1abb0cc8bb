package se.skyddsnat.casework.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The one letter template of case work, as a PDF: a handover to a body outside the
 * organisation, or a report of concern (orosanmälan). Every page carries the secrecy line
 * ({@code header}) and its page number; the font (Liberation Sans) is embedded, so that
 * å, ä and ö print on any printer. Holds no logic of its own: the service fills it.
 *
 * @param header the secrecy line, "Sekretess enligt OSL 26 kap. 1 §"
 * @param title the letter's heading
 * @param sections headed parts, in order; a section's lines are paragraphs
 * @param footer the sender: name and unit, and the day
 */
public record Letter(String header, String title, List<Section> sections, String footer) {

	public record Section(String heading, List<String> lines) {
	}

	public byte[] pdf() {
		BaseFont regular = font("liberation/LiberationSans-Regular.ttf");
		BaseFont bold = font("liberation/LiberationSans-Bold.ttf");
		Font text = new Font(regular, 11);
		Font heading = new Font(bold, 12);
		Font titleFont = new Font(bold, 16);
		Font small = new Font(regular, 9);
		var out = new ByteArrayOutputStream();
		var document = new Document(PageSize.A4, 56, 56, 72, 56);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		writer.setPageEvent(new PdfPageEventHelper() {
			@Override
			public void onEndPage(PdfWriter w, Document d) {
				ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_LEFT, new Phrase(header, small),
						d.left(), d.top() + 24, 0);
				ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_RIGHT,
						new Phrase(String.valueOf(w.getPageNumber()), small), d.right(), d.bottom() - 24, 0);
			}
		});
		document.open();
		document.add(new Paragraph(title, titleFont));
		for (Section section : sections) {
			var h = new Paragraph(section.heading(), heading);
			h.setSpacingBefore(12);
			document.add(h);
			for (String line : section.lines()) {
				document.add(new Paragraph(line, text));
			}
		}
		var f = new Paragraph(footer, text);
		f.setSpacingBefore(18);
		document.add(f);
		document.close();
		return out.toByteArray();
	}

	private static BaseFont font(String resource) {
		try (InputStream in = Letter.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Font missing on the class path: " + resource);
			}
			return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
