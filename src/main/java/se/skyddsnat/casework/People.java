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
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.outreach.Gender;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.PersonalNumber;
import se.skyddsnat.shared.UnitCode;

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

    static final Set<String> AGE_BANDS = Set.of("0-12", "13-17", "18-25", "26-35", "36-50", "51+");

    static final RowMapper<Person> PERSON = (rs, n) -> new Person(rs.getLong("id"),
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
        var errors = new ArrayList<InvalidInput.Violation>();
        LocalDate today = LocalDate.now(clock);
        PersonalNumber number = null;
        // an anonymous person keeps no name, whatever was left in the name field when the user switched kind
        String name = input.identified() ? blank(input.name()) : null;
        String alias = blank(input.alias());
        if (input.identified()) {
            var parsed = PersonalNumber.parse(input.personalNumber(), today);
            if (!parsed.ok()) {
                errors.add(new InvalidInput.Violation("personalNumber", parsed.problem().messageKey()));
            }
            number = parsed.value();
            if (name == null || name.length() > 200) {
                errors.add(new InvalidInput.Violation("name", "person.error.name"));
            }
        } else if (alias == null || alias.length() > 100) {
            errors.add(new InvalidInput.Violation("alias", "person.error.alias"));
        }
        Integer birthYear = null;
        if (number != null) {
            birthYear = number.birthDate().getYear();
        } else if (blank(input.birthYear()) != null) {
            try {
                birthYear = Integer.valueOf(input.birthYear().strip());
            } catch (NumberFormatException e) {
                birthYear = -1;
            }
            if (birthYear < 1900 || birthYear > today.getYear()) {
                errors.add(new InvalidInput.Violation("birthYear", "person.error.birthYear", today.getYear()));
            }
        }
        String ageBand = blank(input.ageBand());
        if (ageBand != null && !AGE_BANDS.contains(ageBand)) {
            errors.add(new InvalidInput.Violation("ageBand", "person.error.ageBand"));
        }
        Gender gender = parse(Gender.class, input.gender());
        if (gender == null) {
            errors.add(new InvalidInput.Violation("gender", "person.error.gender"));
        }
        Protection protection = input.protection() == null || input.protection().isBlank() ? Protection.NONE
                : parse(Protection.class, input.protection());
        if (protection == null) {
            errors.add(new InvalidInput.Violation("protection", "person.error.protection"));
        }
        String home = blank(input.homeMunicipality());
        if (home != null && !home.equals("abroad") && !home.equals("unknown")
                && (!MunicipalityCode.isValid(home) || municipalities.find(MunicipalityCode.of(home)).isEmpty())) {
            errors.add(new InvalidInput.Violation("homeMunicipality", "person.error.home"));
        }
        UnitCode unit = unit(input.unit(), scope.user(), errors);
        checkLength(input.phone(), 40, "phone", errors);
        checkLength(input.email(), 200, "email", errors);
        checkLength(input.address(), 300, "address", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
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
                .param("phone", blank(input.phone())).param("email", blank(input.email()))
                .param("address", blank(input.address())).param("protection", protection.code()).param("home", home)
                .param("unit", unit.value()).param("search", searchText(name, alias))
                .param("by", scope.user().username())
                .query(Long.class).single();
        audit.change("person", String.valueOf(id), "registered in " + unit.value());
        return id;
    }

    /** A person the user may see, audited with the purpose; protected identities come masked. */
    @Transactional
    public Optional<Person> find(long id, String purpose) {
        var scope = access.scope();
        if (!access.personVisible(scope, id)) {
            return Optional.empty();
        }
        Person person = jdbc.sql("SELECT * FROM casework.persons WHERE id = ?").param(id).query(PERSON).single();
        audit.read("person", String.valueOf(id), purpose);
        return Optional.of(person.masked());
    }

    /** The unmasked identity of a protected person, after an explicit "show"; logged as its own read. */
    @Transactional
    public Person reveal(long id) {
        var scope = access.scope();
        if (!access.personVisible(scope, id)) {
            throw CaseAccess.notFound();
        }
        audit.read("person", String.valueOf(id), "show protected identity");
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
        String q = query == null ? "" : query.strip();
        if (q.length() < 2) {
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
        audit.readAll("person", hits.stream().map(p -> String.valueOf(p.id())).toList(), "search hit");
        return hits.stream().map(Person::masked).toList();
    }

    /** The newest people the user may see (masked where protected); each row shown is audited as a "list" read. */
    @Transactional
    public List<Person> recent(int limit) {
        var scope = access.scope();
        List<Person> people = scope.bind(jdbc.sql("SELECT * FROM casework.persons p WHERE " + CaseAccess.VISIBLE_PERSON
                + " ORDER BY p.id DESC LIMIT :limit")).param("limit", limit).query(PERSON).list();
        audit.readAll("person", people.stream().map(p -> String.valueOf(p.id())).toList(), "list");
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
        matches.forEach(p -> audit.read("person", String.valueOf(p.id()), "duplicate check"));
        return matches.stream().map(Person::masked).toList();
    }

    /** The unit a record goes to: one of the user's, chosen or the only one. */
    static UnitCode unit(String text, CurrentUser user, List<InvalidInput.Violation> errors) {
        if ((text == null || text.isBlank()) && user.units().size() == 1) {
            return user.units().first();
        }
        if (text == null || text.isBlank() || !UnitCode.isValid(text.strip()) || !user.belongsTo(UnitCode.of(text.strip()))) {
            errors.add(new InvalidInput.Violation("unit", "person.error.unit"));
            return null;
        }
        if (!(user.hasRole(Role.CASEWORKER) || user.hasRole(Role.MANAGER) || user.hasRole(Role.COORDINATOR))) {
            throw new AccessDeniedException("Records are kept by caseworkers, managers and coordinators");
        }
        return UnitCode.of(text.strip());
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

    private static void checkLength(String value, int max, String field, List<InvalidInput.Violation> errors) {
        if (value != null && value.strip().length() > max) {
            errors.add(new InvalidInput.Violation(field, "person.error.tooLong", max));
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
