package se.skyddsnat.followup.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
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

/**
 * A report's blocks as DOCX (headings as Word's heading styles, so the analyst edits a
 * structured document) and as PDF with DejaVu Sans embedded (å, ä, ö and "–" print on any
 * reader). Neither file carries a creation time of its own beyond what the libraries
 * require, and the text is the same for the same blocks.
 */
final class ReportFiles {

	private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");

	private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");

	private ReportFiles() {
	}

	static byte[] docx(ReportDocument report) {
		try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
			doc.getProperties().getCoreProperties().setTitle(report.title());
			doc.getProperties().getCoreProperties().setCreator("Skyddsnät");
			XWPFParagraph title = doc.createParagraph();
			title.setStyle("Title");
			run(title, report.title(), true, 20);
			for (Block block : report.blocks()) {
				switch (block) {
					case Block.Heading h -> {
						XWPFParagraph p = doc.createParagraph();
						p.setStyle("Heading" + h.level());
						run(p, h.text(), true, h.level() == 1 ? 16 : 13);
					}
					case Block.Paragraph t -> run(doc.createParagraph(), t.text(), false, 11);
					case Block.Note n -> {
						XWPFParagraph p = doc.createParagraph();
						XWPFRun r = run(p, n.text(), false, 9);
						r.setItalic(true);
					}
					case Block.Table t -> {
						XWPFTable table = doc.createTable(t.rows().size() + 1, t.header().size());
						fill(table.getRow(0), t.header(), true);
						for (int i = 0; i < t.rows().size(); i++) {
							fill(table.getRow(i + 1), t.rows().get(i), false);
						}
						doc.createParagraph();
					}
				}
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void fill(XWPFTableRow row, java.util.List<String> cells, boolean bold) {
		for (int c = 0; c < cells.size(); c++) {
			XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
			run(p, cells.get(c), bold, 10);
		}
	}

	private static XWPFRun run(XWPFParagraph p, String text, boolean bold, int size) {
		XWPFRun r = p.createRun();
		r.setText(text);
		r.setBold(bold);
		r.setFontSize(size);
		r.setFontFamily("Calibri");
		p.setAlignment(ParagraphAlignment.LEFT);
		return r;
	}

	static byte[] pdf(ReportDocument report) {
		var out = new ByteArrayOutputStream();
		try {
			BaseFont regular = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
					REGULAR, null);
			BaseFont bold = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
					BOLD, null);
			Font title = new Font(bold, 18);
			Font h1 = new Font(bold, 14);
			Font h2 = new Font(bold, 12);
			Font normal = new Font(regular, 10);
			Font note = new Font(regular, 8, Font.ITALIC);
			Font head = new Font(bold, 9);
			Font cell = new Font(regular, 9);
			var document = new Document(PageSize.A4, 56, 56, 56, 56);
			PdfWriter.getInstance(document, out);
			document.addTitle(report.title());
			document.addCreator("Skyddsnät");
			document.open();
			document.add(spaced(new Paragraph(report.title(), title), 12));
			for (Block block : report.blocks()) {
				switch (block) {
					case Block.Heading h -> document.add(spaced(new Paragraph(h.text(), h.level() == 1 ? h1 : h2), 6));
					case Block.Paragraph p -> document.add(spaced(new Paragraph(p.text(), normal), 6));
					case Block.Note n -> document.add(spaced(new Paragraph(n.text(), note), 6));
					case Block.Table t -> {
						var table = new PdfPTable(t.header().size());
						table.setWidthPercentage(100);
						table.setSpacingAfter(8);
						t.header().forEach(x -> table.addCell(cell(x, head)));
						t.rows().forEach(r -> r.forEach(x -> table.addCell(cell(x, cell))));
						document.add(table);
					}
				}
			}
			document.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static Paragraph spaced(Paragraph p, float after) {
		p.setSpacingAfter(after);
		return p;
	}

	private static PdfPCell cell(String text, Font font) {
		var c = new PdfPCell(new Phrase(text, font));
		c.setHorizontalAlignment(Element.ALIGN_LEFT);
		c.setPadding(3);
		return c;
	}

	private static byte[] font(String path) {
		try (InputStream in = ReportFiles.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Font missing: " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
