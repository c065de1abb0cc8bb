package se.skyddsnat.casework;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.outreach.Gender;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.shared.DateRange;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.PersonalNumber;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseworkLimits;

/**
 * The people the units help: register (with a duplicate check), read, search. Every read of a person is
 * audited here with its purpose, so the UI and the API are covered alike; a protected identity is shown
 * only through {@link #reveal}, which is logged on its own.
 */
@Service
public class People {

    /** More than one possible duplicate: the user must look before saving. */
    public static class PossibleDuplicates extends RuntimeException {
        private final List<Person> matches;

        PossibleDuplicates(List<Person> matches) {
            super(matches.size() + " possible duplicates");
            this.matches = matches;
        }

        public List<Person> matches() {
            return matches;
        }
    }

    public static final Set<String> AGE_BANDS = Set.of("0-12", "13-17", "18-25", "26-35", "36-50", "51+");

    public static final RowMapper<Person> PERSON = (rs, n) -> new Person(rs.getLong("id"),
            rs.getString("personal_number") == null ? null : PersonalNumber.ofStored(rs.getString("personal_number")),
            rs.getString("name"), rs.getString("alias"), (Integer) rs.getObject("birth_year"), rs.getString("age_band"),
            Gender.valueOf(rs.getString("gender").toUpperCase(Locale.ROOT)), rs.getString("phone"),
            rs.getString("email"), rs.getString("address"), Protection.of(rs.getString("protection")),
            rs.getString("home_municipality"), UnitCode.of(rs.getString("unit_code")));

    private final JdbcClient jdbc;
    private final CaseAccess access;
    private final AuditLog audit;
    private final Municipalities municipalities;
    private final Clock clock;

    People(JdbcClient jdbc, CaseAccess access, AuditLog audit, Municipalities municipalities, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    /** Registers a person for one of the user's units; refuses with the possible duplicates unless confirmed. */
    @Transactional
    public long register(NewPerson input) {
        var scope = access.scope();
        var in = Input.of(clock);
        LocalDate today = in.today();
        PersonalNumber number = null;
        // an anonymous person keeps no name, whatever was left in the name field when the user switched kind
        String name = input.identified()
                ? in.required("name", input.name(), CaseworkLimits.PERSON_NAME, "person.error.name") : null;
        String alias = in.text("alias", input.alias(), CaseworkLimits.PERSON_ALIAS.max(), "person.error.alias");
        if (input.identified()) {
            var parsed = PersonalNumber.parse(input.personalNumber(), today);
            if (!parsed.ok()) {
                in.reject("personalNumber", parsed.problem().messageKey());
            }
            number = parsed.value();
        } else if (alias == null && !in.failed("alias")) {
            in.reject("alias", "person.error.alias");
        }
        Integer birthYear = null;
        if (number != null) {
            birthYear = number.birthDate().getYear();
        } else {
            birthYear = in.integer("birthYear", input.birthYear(), DateRange.EARLIEST.getYear(), today.getYear(),
                    "person.error.birthYear", today.getYear());
        }
        String ageBand = Input.blankToNull(input.ageBand());
        if (ageBand != null && !AGE_BANDS.contains(ageBand)) {
            in.reject("ageBand", "person.error.ageBand");
        }
        Gender gender = in.requiredCode("gender", input.gender(), Gender.class, "person.error.gender");
        Protection protection = Input.blankToNull(input.protection()) == null ? Protection.NONE
                : in.code("protection", input.protection(), Protection.class, "person.error.protection");
        String home = Input.blankToNull(input.homeMunicipality());
        if (home != null && !home.equals("abroad") && !home.equals("unknown")
                && (!MunicipalityCode.isValid(home) || municipalities.find(MunicipalityCode.of(home)).isEmpty())) {
            in.reject("homeMunicipality", "person.error.home");
        }
        UnitCode unit = unit(in, input.unit(), scope.user());
        String phone = in.text("phone", input.phone(), CaseworkLimits.PERSON_PHONE.max(), "person.error.tooLong");
        String email = in.text("email", input.email(), CaseworkLimits.PERSON_EMAIL.max(), "person.error.tooLong");
        String address = in.text("address", input.address(), CaseworkLimits.PERSON_ADDRESS.max(), "person.error.tooLong");
        in.check();
        if (number != null && jdbc.sql("SELECT count(*) FROM casework.persons WHERE unit_code = ? AND personal_number = ?")
                .params(unit.value(), number.digits()).query(Long.class).single() > 0) {
            throw InvalidInput.of("personalNumber", "person.error.numberInUnit");
        }
        if (!input.confirmDuplicate()) {
            List<Person> duplicates = possibleDuplicates(scope, number, name, birthYear);
            if (!duplicates.isEmpty()) {
                throw new PossibleDuplicates(duplicates);
            }
        }
        long id = jdbc.sql("""
                INSERT INTO casework.persons (personal_number, name, alias, birth_year, age_band, gender, phone, email,
                       address, protection, home_municipality, unit_code, search_text, created_by)
                VALUES (:pn, :name, :alias, :year, :band, :gender, :phone, :email, :address, :protection, :home, :unit,
                        :search, :by) RETURNING id""")
                .param("pn", number == null ? null : number.digits()).param("name", name).param("alias", alias)
                .param("year", birthYear).param("band", ageBand).param("gender", gender.code())
                .param("phone", phone).param("email", email)
                .param("address", address).param("protection", protection.code()).param("home", home)
                .param("unit", unit.value()).param("search", searchText(name, alias))
                .param("by", scope.user().username())
                .query(Long.class).single();
        audit.change(AuditSubject.PERSON, id, "registered in " + unit.value());
        return id;
    }

    /** A person the user may see, audited with the purpose; protected identities come masked. */
    @Transactional
    public Optional<Person> find(long id, ReadPurpose purpose) {
        var scope = access.scope();
        if (!access.personVisible(scope, id)) {
            return Optional.empty();
        }
        Person person = jdbc.sql("SELECT * FROM casework.persons WHERE id = ?").param(id).query(PERSON).single();
        audit.read(AuditSubject.PERSON, id, purpose);
        return Optional.of(person.masked());
    }

    /** The unmasked identity of a protected person, after an explicit "show"; logged as its own read. */
    @Transactional
    public Person reveal(long id) {
        var scope = access.scope();
        if (!access.personVisible(scope, id)) {
            throw CaseAccess.notFound();
        }
        audit.read(AuditSubject.PERSON, id, ReadPurpose.SHOW_PROTECTED_IDENTITY);
        return jdbc.sql("SELECT * FROM casework.persons WHERE id = ?").param(id).query(PERSON).single();
    }

    /**
     * Search by personnummer (10 or 12 digits, exact), or by name or alias (case- and diacritic-insensitive,
     * "asa" finds "Åsa"), among the people the user may see. A protected person is found only by the exact
     * number, never by name, and comes masked. Every hit is audited as a "search hit".
     */
    @Transactional
    public List<Person> search(String query) {
        var scope = access.scope();
        var in = Input.of(clock);
        String q = in.text("q", query, CaseworkLimits.PERSON_SEARCH);
        in.check();
        if (q == null || q.length() < 2) {
            return List.of();
        }
        var number = PersonalNumber.parse(q, LocalDate.now(clock));
        List<Person> hits;
        if (number.ok()) {
            hits = scope.bind(jdbc.sql("SELECT * FROM casework.persons p WHERE p.personal_number = :pn AND "
                    + CaseAccess.VISIBLE_PERSON + " ORDER BY p.id LIMIT 50"))
                    .param("pn", number.value().digits()).query(PERSON).list();
        } else {
            hits = scope.bind(jdbc.sql("SELECT * FROM casework.persons p WHERE p.search_text LIKE :q AND p.protection = 'none' AND "
                    + CaseAccess.VISIBLE_PERSON + " ORDER BY p.name NULLS LAST, p.alias LIMIT 50"))
                    .param("q", "%" + likeEscape(normalize(q)) + "%").query(PERSON).list();
        }
        audit.readAll(AuditSubject.PERSON, hits.stream().map(p -> String.valueOf(p.id())).toList(), ReadPurpose.SEARCH_HIT);
        return hits.stream().map(Person::masked).toList();
    }

    /** The newest people the user may see (masked where protected); each row shown is audited as a "list" read. */
    @Transactional
    public List<Person> recent(int limit) {
        var scope = access.scope();
        List<Person> people = scope.bind(jdbc.sql("SELECT * FROM casework.persons p WHERE " + CaseAccess.VISIBLE_PERSON
                + " ORDER BY p.id DESC LIMIT :limit")).param("limit", limit).query(PERSON).list();
        audit.readAll(AuditSubject.PERSON, people.stream().map(p -> String.valueOf(p.id())).toList(), ReadPurpose.LIST);
        return people.stream().map(Person::masked).toList();
    }

    private List<Person> possibleDuplicates(CaseAccess.Scope scope, PersonalNumber number, String name, Integer year) {
        var matches = new ArrayList<Person>();
        if (number != null) {
            matches.addAll(scope.bind(jdbc.sql("SELECT * FROM casework.persons p WHERE p.personal_number = :pn AND "
                    + CaseAccess.VISIBLE_PERSON)).param("pn", number.digits()).query(PERSON).list());
        }
        if (name != null && year != null) {
            scope.bind(jdbc.sql("SELECT * FROM casework.persons p WHERE lower(p.name) = lower(:name) AND p.birth_year = :year AND "
                    + CaseAccess.VISIBLE_PERSON)).param("name", name).param("year", year).query(PERSON).list()
                    .stream().filter(p -> matches.stream().noneMatch(m -> m.id() == p.id())).forEach(matches::add);
        }
        audit.readAll(AuditSubject.PERSON, matches.stream().map(p -> String.valueOf(p.id())).toList(), ReadPurpose.DUPLICATE_CHECK);
        return matches.stream().map(Person::masked).toList();
    }

    /** The unit a record goes to: one of the user's, chosen or the only one. */
    static UnitCode unit(Input in, String text, CurrentUser user) {
        if (Input.blankToNull(text) == null && user.units().size() == 1) {
            return user.units().first();
        }
        UnitCode unit = in.unit("unit", text, "person.error.unit");
        if (unit == null || !user.belongsTo(unit)) {
            if (!in.failed("unit")) {
                in.reject("unit", "person.error.unit");
            }
            return null;
        }
        if (!user.may(Permission.CASE_WORK)) {
            throw new AccessDeniedException("Records are kept by caseworkers, managers and coordinators");
        }
        return unit;
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
