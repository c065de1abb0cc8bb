package se.skyddsnat.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import se.skyddsnat.followup.assignment.Assignments;
import se.skyddsnat.followup.plan.Area;
import se.skyddsnat.followup.plan.Plans;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.support.IntegrationTest;

/**
 * The annual report for 2004 (used by no other test), generated through the API from
 * records seeded here: the PDF's text and the DOCX's paragraphs carry the expected
 * sentences with the right figures, small counts read "färre än 5", every section notes
 * its figures' definitions and period, two runs give the same text, and each file is
 * kept.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualReportTest extends IntegrationTest {

	@Autowired
	Assignments assignments;

	@Autowired
	Plans plans;

	private String analyst;

	private String analystToken;

	@BeforeAll
	void seed() {
		var shifts = new StringBuilder(
				"ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes\n");
		var met = new StringBuilder(
				"shift_ref;role;gender;age;minor;home_municipality;support_offered;offered_by;accepted\n");
		for (int i = 0; i < 12; i++) {
			shifts.append("rep04-j")
				.append(i)
				.append(";2004-0")
				.append(1 + i % 9)
				.append("-1")
				.append(i % 9)
				.append(";;;joint;raid;apartment;0180;MIKA;\n");
		}
		// joint: 9 exposed, 2 of them under 18; 7 suspected buyers, 1 under 18
		for (int i = 0; i < 9; i++) {
			met.append("rep04-j")
				.append(i)
				.append(";exposed;female;")
				.append(i < 2 ? 16 + i : 30)
				.append(';')
				.append(i < 2 ? "yes" : "no")
				.append(";0180;yes;MIKA;no\n");
		}
		for (int i = 0; i < 7; i++) {
			met.append("rep04-j")
				.append(i)
				.append(";buyer;male;")
				.append(i < 1 ? 17 : 45)
				.append(';')
				.append(i < 1 ? "yes" : "no")
				.append(";0180;yes;MIKA;no\n");
		}
		// online: 6 met, 3 minors; 2 in the city, 3 in the county, 1 abroad
		shifts.append("rep04-o1;2004-05-05;;;own;;online;0180;UNGDOMSJOUREN;\n");
		String[] homes = { "0180", "0180", "0126", "0126", "0182", "abroad" };
		for (int i = 0; i < 6; i++) {
			met.append("rep04-o1;exposed;female;")
				.append(i < 3 ? 15 : 20)
				.append(';')
				.append(i < 3 ? "yes" : "no")
				.append(';')
				.append(homes[i])
				.append(";yes;UNGDOMSJOUREN;no\n");
		}
		String coordinator = createUser("rep-coord", List.of("COORDINATOR"), List.of());
		var imported = http().multipart(
				"/api/v1/outreach/import", Map.of("shifts", shifts.toString().getBytes(StandardCharsets.UTF_8),
						"encounters", met.toString().getBytes(StandardCharsets.UTF_8)),
				token(coordinator, USER_PASSWORD));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		var owner = ownerJdbc();
		owner.sql(
				"INSERT INTO region.meetings (held_on, kind, decisions, recorded_by) VALUES ('2004-03-02', 'steering', 'Passen utökas till helger.', 'test')")
			.update();
		owner.sql(
				"INSERT INTO region.meetings (held_on, kind, decisions, recorded_by) VALUES ('2004-09-14', 'steering', NULL, 'test')")
			.update();
		owner.sql(
				"INSERT INTO region.meetings (held_on, kind, decisions, recorded_by) VALUES ('2004-06-01', 'preparation', NULL, 'test')")
			.update();
		analyst = createUser("rep-analyst", List.of("ANALYST"), List.of());
		analystToken = token(analyst, USER_PASSWORD);
		var user = new CurrentUser(-1, analyst, "Analytiker", Set.of(Role.ANALYST), new TreeSet<>(), false);
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_ANALYST"));
		long a = assignments.create("2004", "Socialnämnden ska följa upp samarbetsavtalet med polisen årligen.",
				"Socialnämnden");
		assignments.report(a, "2004-08-31", "Uppföljningen av avtalet 2004 är genomförd.", "Tertialrapport 2 2004");
		if (plans.plan().isEmpty()) {
			plans.createPlan("Handlingsplan mot människohandel och prostitution", "2003-12-14");
		}
		long measure = plans.addMeasure(Area.KNOWLEDGE, "Rapporttestets åtgärd: utbilda kommunernas medarbetare",
				"Socialnämnden", "2004-01-01", "2004-12-31");
		plans.followUp(measure, "2004-01-01", "2004-12-31", "done", "Fyra utbildningstillfällen hölls.",
				List.of("joint_shifts"));
		SecurityContextHolder.clearContext();
	}

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	private static final List<String> SENTENCES = List.of(
			"Under perioden 2004-01-01 – 2004-12-31 har socialförvaltningens verksamheter genomfört 13 arbetspass",
			"genomfört 12 arbetspass tillsammans med polisen i samband med spaning eller tillslag, i genomsnitt 0,2 per vecka mot målet fyra i veckan.",
			"9 personer utsatta i prostitution och 7 personer misstänkta för köp av sexuella tjänster har påträffats. Av dessa var färre än 5 personer under 18 år utsatta i prostitution och färre än 5 personer under 18 år köpare av sexuella tjänster.",
			"Styrgruppen har sammanträtt 2 gånger under perioden (minst 3 gånger per år enligt överenskommelsen) och beredningsgruppen 1 gånger.",
			"Passen utökas till helger.", "I det uppsökande arbetet har 22 personer påträffats",
			"Via uppsökande arbete på nätet, från kontakt- och sugardejtingsidor, har 6 personer påträffats, varav färre än 5 var minderåriga.",
			"Andelen som erbjudits stöd var 100,0 %.",
			"Stödcentrum: andelen stödsamtal där den unga var nöjd (betyg 4 eller 5) var –.",
			"Följande kommuner har ännu inte anslutit sig till erbjudandet:",
			"Socialnämnden ska följa upp samarbetsavtalet med polisen årligen.",
			"Lägesrapport 2004-08-31: Uppföljningen av avtalet 2004 är genomförd.",
			"Rapporttestets åtgärd: utbilda kommunernas medarbetare", "Genomförd", "Fyra utbildningstillfällen hölls.",
			"Definitioner: Samverkanspass med polisen: Antal arbetspass tillsammans med polisen i samband med spaning eller tillslag under perioden. Period 2004-01-01 – 2004-12-31.");

	@Test
	void shouldWriteTheExpectedSentencesInThePdfAndTheDocx() throws IOException {
		String pdf = pdfText(download("pdf"));
		String docx = docxText(download("docx"));
		for (String sentence : SENTENCES.subList(1, SENTENCES.size())) {
			assertThat(pdf).as("PDF").contains(sentence);
			assertThat(docx).as("DOCX").contains(sentence);
		}
		assertThat(pdf).doesNotContain(SENTENCES.get(0))
			.contains("Samverkansöverenskommelse med polisen", "Länsövergripande erbjudande",
					"Handlingsplanens åtgärder", "Budgetuppdrag", "Kunskap", "Samverkan och samordning");
		// small counts never appear as digits in the sentences about minors
		assertThat(docx).doesNotContain("var 2 personer under 18 år", "varav 3 var minderåriga");
	}

	@Test
	void shouldGiveTheSameTextTwiceAndKeepEachReport() throws IOException {
		long before = jdbc.sql("SELECT count(*) FROM followup.generated_reports WHERE generated_by = ?")
			.param(analyst)
			.query(Long.class)
			.single();
		String first = pdfText(download("pdf"));
		String second = pdfText(download("pdf"));
		assertThat(second).isEqualTo(first);
		assertThat(docxText(download("docx"))).isEqualTo(docxText(download("docx")));
		List<Map<String, Object>> kept = jdbc.sql("""
				SELECT format, period_from, period_to, sha256, figures_hash FROM followup.generated_reports
				 WHERE generated_by = ? ORDER BY id DESC LIMIT 4""").param(analyst).query().listOfRows();
		assertThat(kept).hasSize(4);
		assertThat(jdbc.sql("SELECT count(*) FROM followup.generated_reports WHERE generated_by = ?")
			.param(analyst)
			.query(Long.class)
			.single()).isEqualTo(before + 4);
		assertThat(kept).allSatisfy(k -> {
			assertThat(k.get("period_from").toString()).isEqualTo("2004-01-01");
			assertThat(k.get("period_to").toString()).isEqualTo("2004-12-31");
			assertThat(k.get("sha256").toString()).matches("[0-9a-f]{64}");
		});
		// the same records and period: the same text, whichever format
		assertThat(kept.stream().map(k -> k.get("figures_hash")).collect(Collectors.toSet())).hasSize(1);
		// a bad format is 400 problem+json
		var bad = http().json("GET", "/api/v1/followup/report?from=2004-01-01&to=2004-12-31&format=odt", null,
				analystToken);
		assertThat(bad.statusCode()).isEqualTo(400);
	}

	@Test
	void shouldExportTheWholePlanAsXlsx() throws IOException {
		var session = http();
		session.login(analyst, USER_PASSWORD);
		var file = session.download("/followup/plan.xlsx");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("handlingsplan.xlsx");
		var rows = new java.util.ArrayList<String>();
		try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new ByteArrayInputStream(file.body()))) {
			workbook.getFirstSheet()
				.read()
				.forEach(r -> rows.add(r.stream()
					.map(c -> c == null ? "" : c.getRawValue() == null ? "" : c.getRawValue())
					.collect(Collectors.joining(" | "))));
		}
		assertThat(rows).anySatisfy(r -> assertThat(r).isEqualTo("Kunskap | Rapporttestets åtgärd: utbilda kommunernas "
				+ "medarbetare | Socialnämnden | 2004-01-01 – 2004-12-31 | Genomförd | 2004-01-01 – 2004-12-31 | Fyra "
				+ "utbildningstillfällen hölls. | Samverkanspass med polisen"));
	}

	private byte[] download(String format) {
		try {
			var response = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + port
							+ "/api/v1/followup/report?from=2004-01-01&to=2004-12-31&format=" + format))
					.header("Authorization", "Bearer " + analystToken)
					.GET()
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElse(""))
				.contains(format.equals("pdf") ? "application/pdf" : "wordprocessingml");
			return response.body();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static String pdfText(byte[] pdf) throws IOException {
		var reader = new PdfReader(pdf);
		var extractor = new PdfTextExtractor(reader);
		var text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		reader.close();
		return text.toString().replaceAll("\\s+", " ");
	}

	static String docxText(byte[] docx) throws IOException {
		try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			var text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
			var tables = doc.getTables()
				.stream()
				.flatMap(t -> t.getRows().stream())
				.flatMap(r -> r.getTableCells().stream())
				.map(c -> c.getText())
				.collect(Collectors.joining("\n"));
			return (text + "\n" + tables).replaceAll("[ \\t]+", " ");
		}
	}

}
