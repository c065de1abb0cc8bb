package se.skyddsnat.casework;

import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.journal.Journal;
import se.skyddsnat.casework.journal.JournalInput;
import se.skyddsnat.casework.referral.Referrals;
import se.skyddsnat.casework.trafficking.TraffickingTracks;
import se.skyddsnat.shared.DemoContribution;

/**
 * Case work's part of the demo, made through its services as the units' demo users:
 * people identified (made-up names beginning "Demo", test personnummer), anonymous
 * (aliases "Demo-…") and one with a protected identity; a case of every kind, each with
 * signed journal notes; a trafficking track whose residence permit expires in three
 * weeks; a Stödcentrum case at its fifth support talk (the choice is due); referrals to
 * KAST in each state (draft, sent, accepted, declined, closed); one closed case. Real
 * data is any person or case made by an account not the demo's.
 */
@Component
@Order(200)
@RequiredArgsConstructor
class CaseworkDemoData implements DemoContribution {

	private final People people;

	private final Cases cases;

	private final Journal journal;

	private final Referrals referrals;

	private final TraffickingTracks tracks;

	private final JdbcClient jdbc;

	@Override
	public String module() {
		return "casework";
	}

	@Override
	public boolean holdsRealData() {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM casework.persons WHERE created_by NOT LIKE :demo)
				    OR EXISTS (SELECT 1 FROM casework.cases WHERE created_by NOT LIKE :demo)""")
			.param("demo", DEMO_USER_PREFIX + "%")
			.query(Boolean.class)
			.single();
	}

	@Override
	public boolean filled() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM casework.persons WHERE created_by LIKE :demo)")
			.param("demo", DEMO_USER_PREFIX + "%")
			.query(Boolean.class)
			.single();
	}

	@Override
	public void fill(Demo demo) {
		LocalDate today = demo.today();
		String opened = today.minusDays(60).toString();

		demo.run("demo-mika", () -> {
			long andersson = people
				.register(identified("Demo Andersson", LocalDate.of(1994, 3, 14), 2, "female", "none", "0180", "MIKA"));
			long fjaril = people.register(anonymous("Demo-Fjäril", "26-35", "female", "0127", "MIKA"));
			long skyddad = people.register(identified("Demo Skyddad", LocalDate.of(1991, 8, 2), 4, "female",
					"protected_registration", null, "MIKA"));
			long stjarna = people.register(anonymous("Demo-Stjärna", "18-25", "female", null, "MIKA"));

			long support = open("MIKA", "mika_support", opened, "Demo: påträffad vid tillslag, vill ha stöd", andersson,
					"exposed");
			notes(support, today, "Demo: samtal om boende och ekonomi.", "Demo: följde med till vårdcentralen.");
			long anonymousCase = open("MIKA", "mika_support", opened, "Demo: kontakt via uppsökande på nätet", fjaril,
					"exposed");
			notes(anonymousCase, today, "Demo: samtal på telefon.");
			cases.close(anonymousCase, new Cases.Closing(today.minusDays(5).toString(), "no_further_contact"));
			long protectedCase = open("MIKA", "mika_support", opened, "Demo: skyddad identitet, stödsamtal", skyddad,
					"exposed");
			notes(protectedCase, today, "Demo: stödsamtal.");

			long trafficking = open("MIKA", "trafficking", opened, "Demo: misstänkt människohandel, i skyddat boende",
					stjarna, "exposed");
			notes(trafficking, today, "Demo: samtal med tolk om tryggheten i boendet.");
			tracks.addHousing(trafficking, new TraffickingTracks.NewHousing(opened, null, "Demo skyddat boende"));
			tracks.addPermit(trafficking,
					new TraffickingTracks.NewPermit("temporary_permit", today.minusDays(50).toString(), "granted",
							today.minusDays(30).toString(), today.plusDays(20).toString()));
			tracks.addContact(trafficking, new TraffickingTracks.NewPoliceContact(today.minusDays(10).toString(),
					"police_interview", "Demo: förhör hos polisen, stödperson med"));

			// referrals to KAST in each state: the consent first, then one left as a
			// draft and four sent
			referrals.recordConsent(support, new Referrals.NewConsent(andersson, "written",
					today.minusDays(3).toString(), "Demo: överlämning till KAST"));
			referral(support, andersson, "Demo: utkast, inte skickat");
			for (String text : List.of("sent", "accepted", "declined", "closed")) {
				long id = referral(support, andersson, "Demo: överlämning (" + text + ")");
				referrals.send(id, new Referrals.Sending(null, null));
				if (text.equals("closed")) {
					referrals.close(id, "Demo: personen ville inte längre");
				}
				if (text.equals("accepted") || text.equals("declined")) {
					demo.run("demo-kast", () -> {
						if (text.equals("accepted")) {
							referrals.accept(id);
						}
						else {
							referrals.decline(id, "Demo: fel mottagare");
						}
					});
				}
			}
		});

		demo.run("demo-kast", () -> {
			long berg = people
				.register(identified("Demo Berg", LocalDate.of(1980, 11, 23), 3, "male", "none", "0184", "KAST"));
			long counselling = open("KAST", "kast_counselling", opened, "Demo: vill sluta köpa sex", berg, "buyer");
			notes(counselling, today, "Demo: första samtalet.", "Demo: andra samtalet, om skam.");
		});
		demo.run("demo-ungdom", () -> {
			long mane = people.register(anonymous("Demo-Måne", "13-17", "female", "0126", "UNGDOMSJOUREN"));
			long youth = open("UNGDOMSJOUREN", "youth", opened, "Demo: ung person som sålt sex via nätet", mane,
					"exposed");
			notes(youth, today, "Demo: samtal tillsammans med vårdnadshavare.");
		});
		demo.run("demo-socialjour", () -> {
			long regn = people.register(anonymous("Demo-Regn", "36-50", "female", null, "SOCIALJOUREN"));
			long acute = open("SOCIALJOUREN", "acute", today.minusDays(2).toString(), "Demo: akut placering i natt",
					regn, "exposed");
			notes(acute, today, "Demo: akut samtal och boende ordnat.");
		});
		demo.run("demo-stodcentrum", () -> {
			long lind = people.register(identified("Demo Lind", today.minusYears(18).minusDays(40), 6, "female", "none",
					"0180", "STODCENTRUM"));
			long stod = open("STODCENTRUM", "stodcentrum_support", opened, "Demo: har sålt sex, söker stöd", lind,
					"exposed");
			for (int talk = 1; talk <= 5; talk++) {
				var entry = journal.saveDraft(stod, null,
						new JournalInput(today.minusDays(50 - 10L * talk).toString(), "support_talk", "in_person", "50",
								"Demo: stödsamtal " + talk + ".", String.valueOf(2 + talk % 4), "false"));
				journal.sign(stod, entry.id());
			}
		});
	}

	private long open(String unit, String kind, String openedOn, String reason, long person, String role) {
		return cases
			.open(new NewCase(unit, kind, openedOn, reason, null, List.of(new NewCase.Member(person, role)), null));
	}

	/** Signed notes, a week apart, the last one yesterday. */
	private void notes(long caseId, LocalDate today, String... texts) {
		for (int i = 0; i < texts.length; i++) {
			var entry = journal.saveDraft(caseId, null,
					new JournalInput(today.minusDays(1 + 7L * (texts.length - 1 - i)).toString(), "support_talk",
							"in_person", "45", texts[i], null, null));
			journal.sign(caseId, entry.id());
		}
	}

	private long referral(long caseId, long person, String summary) {
		return referrals.create(caseId,
				new Referrals.NewReferral("unit", "KAST", null, null, summary, List.of(person)));
	}

	private static NewPerson identified(String name, LocalDate born, int serial, String gender, String protection,
			String home, String unit) {
		return new NewPerson(true, testNumber(born, serial), name, null, String.valueOf(born.getYear()), null, gender,
				null, null, null, protection, home, unit, true);
	}

	private static NewPerson anonymous(String alias, String ageBand, String gender, String home, String unit) {
		return new NewPerson(false, null, null, alias, null, ageBand, gender, null, null, null, "none", home, unit,
				true);
	}

	/**
	 * A personnummer in the range Skatteverket keeps for test numbers (birth numbers
	 * 980–999), with a valid check digit: never a real person's. The serial's parity
	 * follows the registered gender (odd for a man).
	 */
	static String testNumber(LocalDate born, int serial) {
		String nine = String.format("%02d%02d%02d98%d", born.getYear() % 100, born.getMonthValue(),
				born.getDayOfMonth(), serial % 10);
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
			sum += d > 9 ? d - 9 : d;
		}
		return born.getYear() / 100 + nine + (10 - sum % 10) % 10;
	}

}
