package se.skyddsnat.region.nonjoined;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.region.Notices;
import se.skyddsnat.region.RegionLimits;
import se.skyddsnat.region.RegionalOfferStatus;

/**
 * The follow-up of the municipalities outside the regional offer: their notices, the dialogue with
 * them, and a warning when none of them has been contacted for more than a year. COORDINATOR and ADMIN
 * record contacts; MANAGER and ANALYST read.
 */
@Service
public class NonJoinedFollowUp {

    /** A municipality outside the offer should be reminded of it at least this often. */
    public static final Period CONTACT_INTERVAL = Period.ofYears(1);

    private static final Set<RegionalOfferStatus> OUTSIDE = EnumSet.of(RegionalOfferStatus.NOT_JOINED,
            RegionalOfferStatus.UNKNOWN);

    private static final RowMapper<DialogueEntry> ENTRY = (rs, n) -> new DialogueEntry(rs.getLong("id"),
            MunicipalityCode.of(rs.getString("municipality")), rs.getObject("contacted_on", LocalDate.class),
            rs.getString("contact"), rs.getString("outcome"), rs.getString("recorded_by_name"));

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final Notices notices;
    private final AuditLog audit;
    private final Clock clock;

    NonJoinedFollowUp(JdbcClient jdbc, Municipalities municipalities, Notices notices, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every municipality whose status today is NOT_JOINED or UNKNOWN, by code. */
    public List<NonJoinedMunicipality> overview() {
        CurrentUser.require(Permission.READ_REGIONAL_OFFER);
        LocalDate today = LocalDate.now(clock);
        Map<MunicipalityCode, Notices.Counts> counts = notices.countsByMunicipality();
        Map<MunicipalityCode, LocalDate> lastContacts = new HashMap<>();
        jdbc.sql("SELECT municipality, max(contacted_on) AS last FROM region.dialogue_entries GROUP BY municipality")
                .query(rs -> {
                    lastContacts.put(MunicipalityCode.of(rs.getString("municipality")),
                            rs.getObject("last", LocalDate.class));
                });
        var result = new ArrayList<NonJoinedMunicipality>();
        for (Municipality m : municipalities.all()) {
            var status = municipalities.offerStatusOn(m.code(), today).orElse(RegionalOfferStatus.UNKNOWN);
            if (OUTSIDE.contains(status)) {
                var c = counts.getOrDefault(m.code(), new Notices.Counts(0, 0));
                LocalDate last = lastContacts.get(m.code());
                result.add(new NonJoinedMunicipality(m.code(), m.name(), status, c.open(), c.closed(), last,
                        contactStatus(last, today)));
            }
        }
        return result;
    }

    /** One municipality of the {@link #overview()}; empty when it has joined (or does not exist). */
    public Optional<NonJoinedMunicipality> find(MunicipalityCode code) {
        return overview().stream().filter(m -> m.code().equals(code)).findFirst();
    }

    /** The dialogue with a municipality, newest contact first. */
    public List<DialogueEntry> dialogue(MunicipalityCode code) {
        CurrentUser.require(Permission.READ_REGIONAL_OFFER);
        return jdbc.sql("""
                SELECT * FROM region.dialogue_entries WHERE municipality = ?
                 ORDER BY contacted_on DESC, id DESC""").param(code.value()).query(ENTRY).list();
    }

    /** Whether the current user may record contacts (COORDINATOR or ADMIN). */
    public boolean mayRecord() {
        return CurrentUser.get().map(u -> u.may(Permission.MANAGE_REGIONAL_OFFER)).orElse(false);
    }

    /**
     * Records a contact with a municipality outside the offer. A null date is a date that was missing
     * or unreadable. Fields in errors: contactedOn, contact, outcome (municipality when it has joined).
     */
    @Transactional
    public long recordContact(MunicipalityCode municipality, LocalDate contactedOn, String contact, String outcome) {
        var user = CurrentUser.require(Permission.MANAGE_REGIONAL_OFFER);
        var in = Input.of(clock);
        if (municipality == null || find(municipality).isEmpty()) {
            in.reject("municipality", "dialogue.error.municipality");
        }
        in.requiredDate("contactedOn", contactedOn, in.past(), "dialogue.error.contactedOn");
        String who = in.required("contact", contact, RegionLimits.DIALOGUE_CONTACT, "dialogue.error.contact");
        String what = in.required("outcome", outcome, RegionLimits.DIALOGUE_OUTCOME, "dialogue.error.outcome");
        in.check();
        long id = jdbc.sql("""
                INSERT INTO region.dialogue_entries (municipality, contacted_on, contact, outcome, recorded_by,
                                                     recorded_by_name)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(municipality.value(), contactedOn, who, what, user.username(),
                        user.displayName())
                .query(Long.class).single();
        audit.change(AuditSubject.DIALOGUE_ENTRY, id, "contact with municipality " + municipality.value());
        return id;
    }

    private static NonJoinedMunicipality.ContactStatus contactStatus(LocalDate last, LocalDate today) {
        if (last == null) {
            return NonJoinedMunicipality.ContactStatus.NEVER;
        }
        return last.isBefore(today.minus(CONTACT_INTERVAL)) ? NonJoinedMunicipality.ContactStatus.OVER_A_YEAR
                : NonJoinedMunicipality.ContactStatus.RECENT;
    }

}
