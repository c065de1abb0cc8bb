package se.skyddsnat.followup.plan;

import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.shared.DemoContribution;

/**
 * Follow-up's part of the demo ({@code SKYDDSNAT_DEMO=true}, after the modules whose
 * figures it reports on): fills an empty follow-up with a programme, the action plan's
 * six areas with measures and follow-ups, budget assignments with status reports and a
 * grant, so a newcomer can generate a report at once. The rows are written by the demo
 * analyst's account; real data is a programme written by anyone else. The texts are
 * written for the demo (no real person is named).
 */
@Component
@Order(500)
@RequiredArgsConstructor
class PlanDemo implements DemoContribution {

	private static final String BY = DEMO_USER_PREFIX + "analytiker";

	private final PlanStore store;

	private final JdbcClient jdbc;

	@Override
	public String module() {
		return "followup";
	}

	@Override
	public boolean holdsRealData() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM followup.programmes WHERE created_by NOT LIKE :demo)")
			.param("demo", DEMO_USER_PREFIX + "%")
			.query(Boolean.class)
			.single();
	}

	@Override
	public boolean filled() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM followup.programmes WHERE created_by LIKE :demo)")
			.param("demo", DEMO_USER_PREFIX + "%")
			.query(Boolean.class)
			.single();
	}

	@Override
	public void fill(Demo demo) {
		LocalDate today = demo.today();
		int year = today.getYear() - 1;
		store.insertProgramme(
				"Program mot våld i nära relationer, hedersrelaterat våld och förtryck, prostitution, "
						+ "människohandel för sexuella ändamål samt sexuellt våld oberoende relationer",
				LocalDate.of(year - 4, 1, 1), LocalDate.of(year + 1, 12, 31),
				"Färre utsätts för prostitution och människohandel; de som utsätts får stöd i tid; fler kommuner i länet "
						+ "ger sina invånare samma stöd.",
				BY);
		long plan = store.insertPlan(store.latestProgramme().orElseThrow().id(),
				"Handlingsplan för att motverka människohandel och prostitution", LocalDate.of(year - 4, 12, 14), BY);
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);
		measure(plan, Area.KNOWLEDGE, "Utbilda medarbetare i anslutna kommuner om prostitution och människohandel",
				"Socialnämnden", from, to, MeasureStatus.ONGOING, "Utbildning har hållits digitalt och på plats.",
				"consultations");
		measure(plan, Area.KNOWLEDGE, "Ta fram ett kunskapsunderlag om sex som självskadebeteende bland unga",
				"Socialnämnden", from, to, MeasureStatus.NOT_STARTED, null);
		measure(plan, Area.PREVENTION, "Föreläsningar för hotell- och restaurangbranschen", "Mikamottagningen", from,
				to, MeasureStatus.DONE, "Föreläsningar har hållits på flera hotell under våren.");
		measure(plan, Area.OUTREACH, "Fortsatt uppsökande arbete tillsammans med polisen, fyra pass i veckan",
				"Socialnämnden", from, to, MeasureStatus.ONGOING, "Samverkanspassen redovisas mot målet.",
				"joint_shifts", "joint_shifts_per_week");
		measure(plan, Area.OUTREACH, "Uppsökande arbete på kontakt- och sugardejtingsidor", "Ungdomsjouren", from, to,
				MeasureStatus.ONGOING, "Arbetet på nätet har utökats.", "online_met", "online_minors");
		measure(plan, Area.TREATMENT, "Gemensamma rutiner för bemötande av unga som säljer sex", "Socialnämnden", from,
				to, MeasureStatus.ONGOING, "Rutinerna är på remiss.");
		measure(plan, Area.SUPPORT, "Erbjuda alla som påträffas stöd av förvaltningens verksamheter", "Socialnämnden",
				from, to, MeasureStatus.ONGOING, "Samtliga som påträffats har erbjudits stöd.", "offered_support");
		measure(plan, Area.SUPPORT, "Stödsamtal för unga utsatta för våld i nära relationer", "Stödcentrum", from, to,
				MeasureStatus.ONGOING, null, "stodcentrum_satisfied", "stodcentrum_violence");
		measure(plan, Area.COOPERATION,
				"Verka för att fler kommuner ansluter sig till det länsövergripande " + "erbjudandet", "Socialnämnden",
				from, to, MeasureStatus.ONGOING, "Dialog förs med de kommuner som ännu inte anslutit sig.",
				"municipalities_joined", "notices");
		measure(plan, Area.COOPERATION, "Följa upp samverkansöverenskommelsen med polisen årligen", "Socialnämnden",
				from, to, MeasureStatus.DONE, "Styrgruppen har följt upp överenskommelsen.", "steering_meetings");

		long a1 = assignment(year, "Socialnämnden ska fortsatt stärka det uppsökande arbetet, stödet och samverkan med "
				+ "andra aktörer mot människohandel, prostitution, så kallad sugardejting och sex som "
				+ "självskadebeteende, i synnerhet mot unga. Samarbetsavtalet mellan polisen och staden ska följas upp "
				+ "årligen.");
		long a2 = assignment(year, "Socialnämnden ska i dialog med regionen fortsatt verka för att fler kommuner ska "
				+ "ansluta sig till det länsövergripande erbjudandet.");
		statusReport(a1, LocalDate.of(year, 8, 31),
				"Arbetet pågår enligt plan; samverkanspassen redovisas i " + "uppföljningen av överenskommelsen.",
				"Tertialrapport 2");
		statusReport(a2, LocalDate.of(year, 8, 31), "Två kommuner har visat intresse för att teckna avtal.",
				"Tertialrapport 2");

		long grant = jdbc
			.sql("""
					INSERT INTO followup.grants (grantor, decided_on, amount_sek, purpose, period_from, period_to, positions,
					                             conditions, report_due, created_by)
					VALUES (?, ?, 500000, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params("Länsstyrelsen", LocalDate.of(year, 2, 15),
					"En heltidstjänst för regional samordning av insatser mot prostitution och människohandel, "
							+ "med utökat arbete mot gatuprostitution i samarbete med polisen.",
					from, to, "1 regional samordnare (heltid)",
					"Slutrapporten ska godkännas innan den sista delen av bidraget på 20 % betalas ut.",
					today.plusDays(45), BY)
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO followup.grant_payments (grant_id, position, percent, amount_sek, condition, status,
				                                     expected_on, received_on)
				VALUES (?, 1, 80, 400000, 'on_decision', 'received', ?, ?),
				       (?, 2, 20, 100000, 'on_report_approved', 'withheld', NULL, NULL)""")
			.params(grant, LocalDate.of(year, 2, 15), LocalDate.of(year, 3, 1), grant)
			.update();
	}

	private void measure(long plan, Area area, String text, String owner, LocalDate from, LocalDate to,
			MeasureStatus status, String account, String... evidence) {
		long id = store.insertMeasure(plan, area, text, owner, from, to, BY);
		store.insertFollowUp(id, from, to, status, account, java.util.List.of(evidence), BY);
	}

	private long assignment(int year, String text) {
		return jdbc.sql("""
				INSERT INTO followup.budget_assignments (year, text, committee, created_by) VALUES (?, ?, ?, ?)
				RETURNING id""").params(year, text, "Socialnämnden", BY).query(Long.class).single();
	}

	private void statusReport(long assignment, LocalDate date, String account, String report) {
		jdbc.sql("""
				INSERT INTO followup.status_reports (assignment_id, reported_on, account, report, recorded_by)
				VALUES (?, ?, ?, ?, ?)""").params(assignment, date, account, report, BY).update();
	}

}
