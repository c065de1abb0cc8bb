package se.skyddsnat.casework.core;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.CasePerson;
import se.skyddsnat.casework.CaseRole;
import se.skyddsnat.casework.Person;
import se.skyddsnat.casework.Protection;
import se.skyddsnat.outreach.Gender;
import se.skyddsnat.shared.Keyset;
import se.skyddsnat.shared.PersonalNumber;
import se.skyddsnat.shared.UnitCode;

/**
 * The SQL of people and of emergency access to them, one query per question. The lists
 * take the reader's {@link CaseAccess.Scope}, so that a person outside it is never read;
 * nothing here audits or masks.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PersonStore {

	static final RowMapper<Person> PERSON = (rs, n) -> new Person(rs.getLong("id"),
			rs.getString("personal_number") == null ? null : PersonalNumber.ofStored(rs.getString("personal_number")),
			rs.getString("name"), rs.getString("alias"), (Integer) rs.getObject("birth_year"), rs.getString("age_band"),
			Gender.valueOf(rs.getString("gender").toUpperCase(Locale.ROOT)), rs.getString("phone"),
			rs.getString("email"), rs.getString("address"), Protection.of(rs.getString("protection")),
			rs.getString("home_municipality"), UnitCode.of(rs.getString("unit_code")), rs.getInt("version"));

	private final JdbcClient jdbc;

	/** The person as stored, unmasked; the caller has checked access. */
	public Optional<Person> find(long id) {
		return jdbc.sql("SELECT * FROM casework.persons WHERE id = ?").param(id).query(PERSON).optional();
	}

	/**
	 * Registers the person (its id is ignored) with the search text of its name and
	 * alias.
	 */
	public long insert(Person p, String createdBy) {
		return jdbc.sql("""
				INSERT INTO casework.persons (personal_number, name, alias, birth_year, age_band, gender, phone, email,
				       address, protection, home_municipality, unit_code, search_text, created_by)
				VALUES (:pn, :name, :alias, :year, :band, :gender, :phone, :email, :address, :protection, :home, :unit,
				        :search, :by) RETURNING id""")
			.param("pn", p.personalNumber() == null ? null : p.personalNumber().digits())
			.param("name", p.name())
			.param("alias", p.alias())
			.param("year", p.birthYear())
			.param("band", p.ageBand())
			.param("gender", p.gender().code())
			.param("phone", p.phone())
			.param("email", p.email())
			.param("address", p.address())
			.param("protection", p.protection().code())
			.param("home", p.homeMunicipality())
			.param("unit", p.unit().value())
			.param("search", searchText(p.name(), p.alias()))
			.param("by", createdBy)
			.query(Long.class)
			.single();
	}

	/**
	 * Writes the person's new values if the record is still at {@code version} (and steps
	 * the version); false when someone else saved in between, and nothing was written.
	 */
	public boolean update(Person p, int version) {
		return jdbc.sql("""
				UPDATE casework.persons SET personal_number = :pn, name = :name, alias = :alias, birth_year = :year,
				       age_band = :band, gender = :gender, phone = :phone, email = :email, address = :address,
				       protection = :protection, home_municipality = :home, search_text = :search, version = version + 1
				 WHERE id = :id AND version = :version""")
			.param("pn", p.personalNumber() == null ? null : p.personalNumber().digits())
			.param("name", p.name())
			.param("alias", p.alias())
			.param("year", p.birthYear())
			.param("band", p.ageBand())
			.param("gender", p.gender().code())
			.param("phone", p.phone())
			.param("email", p.email())
			.param("address", p.address())
			.param("protection", p.protection().code())
			.param("home", p.homeMunicipality())
			.param("search", searchText(p.name(), p.alias()))
			.param("id", p.id())
			.param("version", version)
			.update() > 0;
	}

	/**
	 * One changed field of a person, with its old and new value as shown (null for
	 * empty).
	 */
	public record Change(String field, String oldValue, String newValue) {
	}

	/** A change as kept: who made it and when. */
	public record StoredChange(long id, int version, String field, String oldValue, String newValue, String changedBy,
			Instant changedAt) {
	}

	public void insertChanges(long personId, int version, List<Change> changes, String by) {
		for (Change c : changes) {
			jdbc.sql("""
					INSERT INTO casework.person_changes (person_id, version, field, old_value, new_value, changed_by)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(personId, version, c.field(), c.oldValue(), c.newValue(), by)
				.update();
		}
	}

	/** The person's changes, newest first. */
	public List<StoredChange> changes(long personId) {
		return jdbc.sql("SELECT * FROM casework.person_changes WHERE person_id = ? ORDER BY id DESC")
			.param(personId)
			.query((rs, n) -> new StoredChange(rs.getLong("id"), rs.getInt("version"), rs.getString("field"),
					rs.getString("old_value"), rs.getString("new_value"), rs.getString("changed_by"),
					rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

	/** Whether another person of the unit has the number. */
	public boolean numberInUnitExcept(UnitCode unit, PersonalNumber number, long personId) {
		return jdbc.sql("SELECT count(*) FROM casework.persons WHERE unit_code = ? AND personal_number = ? AND id <> ?")
			.params(unit.value(), number.digits(), personId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether the unit has registered someone with the number (a number exists once per
	 * unit).
	 */
	public boolean numberInUnit(UnitCode unit, PersonalNumber number) {
		return jdbc.sql("SELECT count(*) FROM casework.persons WHERE unit_code = ? AND personal_number = ?")
			.params(unit.value(), number.digits())
			.query(Long.class)
			.single() > 0;
	}

	/** The people with the number in the scope (one per unit that registered it). */
	public List<Person> withNumber(CaseAccess.Scope scope, PersonalNumber number) {
		return scope
			.bind(jdbc.sql("SELECT * FROM casework.persons p WHERE p.personal_number = :pn AND "
					+ CaseAccess.VISIBLE_PERSON + " ORDER BY p.id LIMIT 50"))
			.param("pn", number.digits())
			.query(PERSON)
			.list();
	}

	/**
	 * The people in the scope whose name or alias contains the text, case- and
	 * diacritic-insensitive ("asa" finds "Åsa"); never a protected identity.
	 */
	public List<Person> withNameLike(CaseAccess.Scope scope, String text) {
		return scope
			.bind(jdbc.sql("SELECT * FROM casework.persons p WHERE p.search_text LIKE :q AND p.protection = 'none' AND "
					+ CaseAccess.VISIBLE_PERSON + " ORDER BY p.name NULLS LAST, p.alias LIMIT 50"))
			.param("q", "%" + likeEscape(normalize(text)) + "%")
			.query(PERSON)
			.list();
	}

	/** The people in the scope with the same name (in any case) and birth year. */
	public List<Person> withNameAndBirthYear(CaseAccess.Scope scope, String name, int year) {
		return scope.bind(jdbc
			.sql("SELECT * FROM casework.persons p WHERE lower(p.name) = lower(:name) AND p.birth_year = :year AND "
					+ CaseAccess.VISIBLE_PERSON))
			.param("name", name)
			.param("year", year)
			.query(PERSON)
			.list();
	}

	/** A page of the people in the scope, newest registered first. */
	public Keyset.Page<Person> recent(CaseAccess.Scope scope, Keyset.Request page) {
		return page.page(page
			.bind(scope.bind(jdbc
				.sql("SELECT * FROM casework.persons p WHERE " + CaseAccess.VISIBLE_PERSON + page.sql(null, "p.id"))))
			.query(PERSON)
			.list(), p -> Keyset.Key.of(p.id()));
	}

	/** Of these people, those in the scope. */
	public List<Person> visible(CaseAccess.Scope scope, Collection<Long> ids) {
		return scope
			.bind(jdbc.sql("SELECT * FROM casework.persons p WHERE p.id = ANY(:ids) AND " + CaseAccess.VISIBLE_PERSON))
			.param("ids", ids.toArray(Long[]::new))
			.query(PERSON)
			.list();
	}

	/**
	 * The people in a case whom the scope sees (through a share, only those the referral
	 * names), masked.
	 */
	public List<CasePerson> inCase(CaseAccess.Scope scope, long caseId) {
		return scope
			.bind(jdbc.sql("SELECT p.*, cp.role AS case_role FROM casework.case_people cp "
					+ "JOIN casework.persons p ON p.id = cp.person_id WHERE cp.case_id = :case AND "
					+ CaseAccess.VISIBLE_PERSON + " ORDER BY p.id"))
			.param("case", caseId)
			.query((rs, n) -> new CasePerson(PERSON.mapRow(rs, n).masked(), CaseRole.of(rs.getString("case_role"))))
			.list();
	}

	/**
	 * Every person registered with the number, in any unit: only for emergency access.
	 */
	public List<Long> idsWithNumber(PersonalNumber number) {
		return jdbc.sql("SELECT id FROM casework.persons WHERE personal_number = ? ORDER BY id")
			.param(number.digits())
			.query(Long.class)
			.list();
	}

	public long grantEmergencyAccess(long personId, String username, String reason, Instant from, Instant until) {
		return jdbc.sql("""
				INSERT INTO casework.emergency_access (person_id, username, reason, granted_at, expires_at)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(personId, username, reason, Timestamp.from(from), Timestamp.from(until))
			.query(Long.class)
			.single();
	}

	/** Lower case without diacritics: "Åsa Öberg" → "asa oberg". */
	static String normalize(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	private static String searchText(String name, String alias) {
		return normalize(((name == null ? "" : name) + " " + (alias == null ? "" : alias)).strip());
	}

	private static String likeEscape(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
