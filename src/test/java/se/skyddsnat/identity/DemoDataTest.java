package se.skyddsnat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.CaseKind;
import se.skyddsnat.casework.Cases;
import se.skyddsnat.casework.People;
import se.skyddsnat.casework.Person;
import se.skyddsnat.casework.Protection;
import se.skyddsnat.casework.Reminders;
import se.skyddsnat.casework.Tasks;
import se.skyddsnat.casework.journal.Journal;
import se.skyddsnat.casework.referral.ReferralState;
import se.skyddsnat.casework.referral.Referrals;
import se.skyddsnat.casework.stodcentrum.Stodcentrum;
import se.skyddsnat.casework.trafficking.TraffickingTracks;
import se.skyddsnat.outreach.OutreachService;
import se.skyddsnat.region.Consultations;
import se.skyddsnat.shared.Keyset;
import se.skyddsnat.region.Notices;
import se.skyddsnat.region.meeting.Meetings;
import se.skyddsnat.support.IntegrationTest;

/**
 * {@code SKYDDSNAT_DEMO=true} on an empty database (a context, and a database, of its
 * own): every module has its demo data, read through the modules' services as the demo
 * users would see it; a second start adds nothing; and the demo refuses once the database
 * holds data it did not make.
 */
@TestPropertySource(properties = "skyddsnat.demo=true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoDataTest extends IntegrationTest {

	private static final List<String> TABLES = List.of("identity.users", "casework.persons", "casework.cases",
			"casework.journal_entries", "casework.referrals", "casework.consents", "casework.track_permits",
			"casework.tasks", "outreach.shifts", "outreach.encounters", "region.consultations", "region.meetings",
			"region.notices", "followup.programmes", "followup.measures", "followup.grants");

	@Autowired
	private DemoRunner runner;

	@Autowired
	private UserAccounts accounts;

	@Autowired
	private People people;

	@Autowired
	private Cases cases;

	@Autowired
	private Journal journal;

	@Autowired
	private Referrals referrals;

	@Autowired
	private TraffickingTracks tracks;

	@Autowired
	private Stodcentrum stodcentrum;

	@Autowired
	private Reminders reminders;

	@Autowired
	private Tasks tasks;

	@Autowired
	private OutreachService outreach;

	@Autowired
	private Consultations consultations;

	@Autowired
	private Meetings meetings;

	@Autowired
	private Notices notices;

	@Autowired
	private Clock clock;

	@Test
	@Order(1)
	void shouldFillEveryModuleOnAnEmptyDatabase() {
		LocalDate today = LocalDate.now(clock);

		// identity: a user for each role, each to change the one-time password at the
		// first login
		var demoUsers = accounts.all().stream().filter(a -> a.username().startsWith("demo-")).toList();
		assertThat(demoUsers).extracting(UserAccount::username)
			.containsExactlyInAnyOrderElementsOf(DemoUsers.USERS.stream().map(d -> d.username()).toList());
		assertThat(demoUsers.stream().flatMap(a -> a.roles().stream()).collect(Collectors.toSet()))
			.containsExactlyInAnyOrder(Role.values());
		assertThat(demoUsers).allSatisfy(a -> {
			assertThat(a.mustChangePassword()).isTrue();
			assertThat(a.displayName()).startsWith("Demo ").endsWith("(demo)");
		});

		// casework: a case of every kind, each with signed notes only, seen by its own
		// unit's user
		var kinds = EnumSet.noneOf(CaseKind.class);
		for (String user : List.of("demo-mika", "demo-kast", "demo-ungdom", "demo-stodcentrum", "demo-socialjour")) {
			as(user, () -> {
				// the unit's own cases (a handover shares a case's facts, not its notes)
				List<CaseFile> visible = cases.visible(false, Keyset.Request.of(null, null, 100))
					.items()
					.stream()
					.filter(c -> CurrentUser.require().belongsTo(c.unit()))
					.toList();
				assertThat(visible).as(user).isNotEmpty();
				for (CaseFile c : visible) {
					kinds.add(c.kind());
					assertThat(c.reason()).startsWith("Demo");
					var notes = journal.read(c.id());
					assertThat(notes.entries()).as("notes in " + c.kind())
						.isNotEmpty()
						.allSatisfy(e -> assertThat(e.signedAt()).isNotNull());
					assertThat(notes.draft()).isNull();
				}
				return null;
			});
		}
		assertThat(kinds).containsExactlyInAnyOrder(CaseKind.values());

		as("demo-mika", () -> {
			// people: identified with test personnummer, anonymous, one protected; every
			// name made up
			List<Person> listed = people.recent(Keyset.Request.of(null, null, 50)).items();
			assertThat(listed).hasSize(4);
			// the protected identity is masked in the list until revealed
			Person masked = listed.stream()
				.filter(p -> p.protection() == Protection.PROTECTED_REGISTRATION)
				.findFirst()
				.orElseThrow();
			assertThat(masked.name()).isNull();
			assertThat(masked.personalNumber()).isNull();
			List<Person> mine = listed.stream()
				.map(p -> p == masked ? people.reveal(p.id(), "Granskning av demodata") : p)
				.toList();
			assertThat(mine).allSatisfy(p -> assertThat(p.name() != null ? p.name() : p.alias()).startsWith("Demo"));
			var identified = mine.stream().filter(p -> p.personalNumber() != null).toList();
			assertThat(identified).hasSize(2).allSatisfy(p -> {
				String digits = p.personalNumber().digits();
				assertThat(digits.substring(8, 10)).isEqualTo("98");
				assertThat(luhn(digits.substring(2))).as(digits).isTrue();
			});
			assertThat(mine).filteredOn(p -> p.personalNumber() == null).hasSize(2);

			// a closed case beside the open ones
			assertThat(cases.visible(true, Keyset.Request.of(null, null, 100)).items()).hasSize(3);
			assertThat(cases.visible(false, Keyset.Request.of(null, null, 100)).items()).hasSize(4);

			// the trafficking track's permit expires within weeks, and the start page
			// reminds of it
			CaseFile trafficking = cases.visible(true, Keyset.Request.of(null, null, 100))
				.items()
				.stream()
				.filter(c -> c.kind() == CaseKind.TRAFFICKING)
				.findFirst()
				.orElseThrow();
			var permit = tracks.find(trafficking.id()).orElseThrow().permits().getFirst();
			assertThat(permit.validUntil()).isAfter(today).isBefore(today.plusDays(31));
			assertThat(reminders.forCurrentUser()).anySatisfy(r -> assertThat(r.due()).isEqualTo(permit.validUntil()));

			// referrals in each state
			CaseFile support = cases.visible(true, Keyset.Request.of(null, null, 100))
				.items()
				.stream()
				.filter(c -> !referrals.ofCase(c.id()).isEmpty())
				.findFirst()
				.orElseThrow();
			assertThat(referrals.ofCase(support.id()).stream().map(r -> r.state()).collect(Collectors.toSet()))
				.containsExactlyInAnyOrder(ReferralState.values());
			assertThat(referrals.consents(support.id())).isNotEmpty();

			// outreach: synthetic shifts, and the children's tasks for the unit
			var recent = outreach.recent(Keyset.Request.of(null, null, 20)).items();
			assertThat(recent).isNotEmpty();
			assertThat(outreach.find(recent.getFirst().id()).orElseThrow().synthetic()).isTrue();
			assertThat(tasks.openForCurrentUser()).isNotEmpty();
			return null;
		});

		as("demo-kast", () -> {
			assertThat(referrals.incoming()).isNotEmpty();
			return null;
		});

		// Stödcentrum: at its fifth talk the choice is due
		as("demo-stodcentrum", () -> {
			CaseFile c = cases.visible(true, Keyset.Request.of(null, null, 10)).items().getFirst();
			var status = stodcentrum.status(c.id()).orElseThrow();
			assertThat(status.talks()).isEqualTo(5);
			assertThat(status.choiceRequired()).isTrue();
			return null;
		});

		// region: consultations, meetings, notices to the municipalities outside the
		// offer
		as("demo-samordnare", () -> {
			assertThat(consultations.countByMunicipality(today.minusYears(1), today)
				.values()
				.stream()
				.mapToLong(Long::longValue)
				.sum()).isEqualTo(8);
			assertThat(meetings.year(today.getYear()).steeringMeetings()).isGreaterThanOrEqualTo(1);
			assertThat(notices.countsByMunicipality(today.minusYears(3), today)
				.values()
				.stream()
				.mapToLong(n -> n.open() + n.closed())
				.sum()).isPositive();
			return null;
		});

		// follow-up: a programme, the action plan's six areas with measures, and a grant
		assertThat(jdbc.sql("SELECT count(*) FROM followup.programmes WHERE created_by = 'demo-analytiker'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(DISTINCT area_id) FROM followup.measures").query(Long.class).single())
			.isEqualTo(6);
		assertThat(jdbc.sql("SELECT count(*) FROM followup.grants").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@Order(2)
	void shouldAddNothingOnASecondStart() throws Exception {
		Map<String, Long> before = counts();
		runner.run(null);
		assertThat(runner.fill()).isEqualTo(DemoRunner.Outcome.ALREADY_FILLED);
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	@Order(3)
	void shouldRefuseOnceTheDatabaseHoldsRealData() {
		createUser("real", List.of("CASEWORKER"), List.of("MIKA"));
		Map<String, Long> before = counts();
		assertThat(runner.fill()).isEqualTo(DemoRunner.Outcome.REFUSED);
		assertThat(counts()).isEqualTo(before);
	}

	private Map<String, Long> counts() {
		return TABLES.stream()
			.collect(Collectors.toMap(t -> t,
					t -> ownerJdbc().sql("SELECT count(*) FROM " + t).query(Long.class).single()));
	}

	private <T> T as(String username, Supplier<T> work) {
		CurrentUser user = accounts.findByUsername(username).orElseThrow().toCurrentUser();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** The check digit of a ten-digit personnummer. */
	private static boolean luhn(String ten) {
		int sum = 0;
		for (int i = 0; i < 10; i++) {
			int d = (ten.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
			sum += d > 9 ? d - 9 : d;
		}
		return sum % 10 == 0;
	}

}
