package se.skyddsnat.casework.trafficking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.shared.DateRange;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.casework.CaseKind;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.casework.core.CaseworkProperties;

/**
 * The trafficking track of a case: protected housing, reflection period and temporary residence permit,
 * police and prosecutor contacts, IOM's voluntary return programme, linking to the home municipality.
 * Everyone who may see the case reads it (audited, purpose {@value #PURPOSE}); only the case's own unit
 * records. Dates are checked against each other and against today from the injected clock; every violation
 * names its field.
 */
@Service
public class TraffickingTracks {

    static final ReadPurpose PURPOSE = ReadPurpose.TRAFFICKING_TRACK;

    private final JdbcClient jdbc;
    private final CaseAccess access;
    private final AuditLog audit;
    private final Municipalities municipalities;
    private final CaseworkProperties properties;
    private final Clock clock;

    TraffickingTracks(JdbcClient jdbc, CaseAccess access, AuditLog audit, Municipalities municipalities,
            CaseworkProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.municipalities = municipalities;
        this.properties = properties;
        this.clock = clock;
    }

    /** The track of a case the user may see (empty lists when nothing is recorded); audited. */
    @Transactional
    public Optional<TraffickingTrack> find(long caseId) {
        var scope = access.scope();
        if (!access.caseVisible(scope, caseId)) {
            return Optional.empty();
        }
        access.requireRecords(scope, caseId);
        var c = jdbc.sql("SELECT unit_code, kind FROM casework.cases WHERE id = ?").param(caseId)
                .query((rs, n) -> new Object[] { UnitCode.of(rs.getString("unit_code")), CaseKind.of(rs.getString("kind")) })
                .single();
        var followUp = properties.returnFollowUp();
        var housing = jdbc.sql("SELECT * FROM casework.track_housing WHERE case_id = ? ORDER BY from_date DESC, id DESC")
                .param(caseId).query((rs, n) -> new HousingPlacement(rs.getLong("id"),
                        rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
                        rs.getString("provider"))).list();
        var permits = jdbc.sql("SELECT * FROM casework.track_permits WHERE case_id = ? ORDER BY applied_on DESC, id DESC")
                .param(caseId).query((rs, n) -> new Permit(rs.getLong("id"), PermitKind.of(rs.getString("kind")),
                        rs.getObject("applied_on", LocalDate.class),
                        rs.getString("decision") == null ? null : PermitDecision.of(rs.getString("decision")),
                        rs.getObject("decided_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class)))
                .list();
        var contacts = jdbc.sql("SELECT * FROM casework.track_contacts WHERE case_id = ? ORDER BY contact_date DESC, id DESC")
                .param(caseId).query((rs, n) -> new PoliceContact(rs.getLong("id"),
                        rs.getObject("contact_date", LocalDate.class), PoliceContactKind.of(rs.getString("kind")),
                        rs.getString("note"))).list();
        var returns = jdbc.sql("SELECT * FROM casework.track_returns WHERE case_id = ? ORDER BY applied_on DESC, id DESC")
                .param(caseId).query((rs, n) -> {
                    LocalDate returnDate = rs.getObject("return_date", LocalDate.class);
                    return new ReturnProgramme(rs.getLong("id"), rs.getObject("applied_on", LocalDate.class), returnDate,
                            ReturnProgramme.followUpEnds(returnDate, followUp), rs.getObject("follow_up_done_on", LocalDate.class));
                }).list();
        var links = jdbc.sql("SELECT * FROM casework.track_home_links WHERE case_id = ? ORDER BY contacted_on DESC, id DESC")
                .param(caseId).query((rs, n) -> new HomeMunicipalityLink(rs.getLong("id"), rs.getString("municipality"),
                        municipalityName(rs.getString("municipality")), rs.getObject("contacted_on", LocalDate.class),
                        rs.getString("note"))).list();
        audit.read(AuditSubject.CASE, caseId, PURPOSE);
        return Optional.of(new TraffickingTrack(caseId, (CaseKind) c[1], access.inOwnUnit(scope, (UnitCode) c[0]), housing,
                permits, contacts, returns, links));
    }

    /** The municipalities a case can be linked to, by name. */
    public List<Municipality> municipalities() {
        return municipalities.all().stream().sorted(Comparator.comparing(Municipality::name)).toList();
    }

    /** Records a protected housing placement; {@code to} may be left open while it lasts. */
    @Transactional
    public long addHousing(long caseId, String from, String to, String provider) {
        requireOwn(caseId);
        var in = Input.of(clock);
        LocalDate fromDate = in.requiredDate("from", from, in.anyDate(), "track.error.housing.from");
        LocalDate toDate = notBefore(in, "to", to, in.anyDate(), "track.error.housing.to", fromDate);
        String name = in.required("provider", provider, CaseworkLimits.HOUSING_PROVIDER, "track.error.housing.provider");
        in.check();
        long id = jdbc.sql("""
                INSERT INTO casework.track_housing (case_id, from_date, to_date, provider, created_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(caseId, fromDate, toDate, name, user()).query(Long.class).single();
        audit.change(AuditSubject.CASE, caseId, "track: housing placement " + id + " added");
        return id;
    }

    /** Ends an open placement on {@code to} (not before it began). */
    @Transactional
    public void endHousing(long caseId, long housingId, String to) {
        requireOwn(caseId);
        var placement = jdbc.sql("SELECT from_date, to_date FROM casework.track_housing WHERE id = ? AND case_id = ?")
                .params(housingId, caseId)
                .query((rs, n) -> new LocalDate[] { rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class) })
                .optional().orElseThrow(CaseAccess::notFound);
        if (placement[1] != null) {
            throw InvalidInput.of("to", "track.error.housing.ended");
        }
        var in = Input.of(clock);
        LocalDate toDate = requiredNotBefore(in, "to", to, in.anyDate(), "track.error.housing.to", placement[0]);
        in.check();
        jdbc.sql("UPDATE casework.track_housing SET to_date = ? WHERE id = ?").params(toDate, housingId).update();
        audit.change(AuditSubject.CASE, caseId, "track: housing placement " + housingId + " ended");
    }

    /**
     * Records an application to Migrationsverket (a reflection period or a temporary residence permit), with
     * its decision when already known. A newer application supersedes the older ones for the expiry reminder.
     */
    @Transactional
    public long addPermit(long caseId, String kind, String appliedOn, String decision, String decidedOn,
            String validUntil) {
        requireOwn(caseId);
        var in = Input.of(clock);
        PermitKind k = in.requiredCode("kind", kind, PermitKind.class, "track.error.permit.kind");
        LocalDate applied = in.requiredDate("appliedOn", appliedOn, in.past(), "track.error.permit.appliedOn");
        Decision d = null;
        if (Input.blankToNull(decision) != null || Input.blankToNull(decidedOn) != null
                || Input.blankToNull(validUntil) != null) {
            d = decision(in, applied, decision, decidedOn, validUntil);
        }
        in.check();
        long id = jdbc.sql("""
                INSERT INTO casework.track_permits (case_id, kind, applied_on, decision, decided_on, valid_until,
                       created_by, decided_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(caseId, k.code(), applied, d == null ? null : d.decision().code(), d == null ? null : d.on(),
                        d == null ? null : d.validUntil(), user(), d == null ? null : user())
                .query(Long.class).single();
        audit.change(AuditSubject.CASE, caseId, "track: permit " + id + " (" + k.code() + ") recorded"
                + (d == null ? "" : ", " + d.decision().code()));
        return id;
    }

    /** Records Migrationsverket's decision on an application that has none yet. */
    @Transactional
    public void decidePermit(long caseId, long permitId, String decision, String decidedOn, String validUntil) {
        requireOwn(caseId);
        var permit = jdbc.sql("SELECT applied_on, decision FROM casework.track_permits WHERE id = ? AND case_id = ?")
                .params(permitId, caseId)
                .query((rs, n) -> new Object[] { rs.getObject("applied_on", LocalDate.class), rs.getString("decision") })
                .optional().orElseThrow(CaseAccess::notFound);
        if (permit[1] != null) {
            throw InvalidInput.of("decision", "track.error.permit.decided");
        }
        var in = Input.of(clock);
        Decision d = decision(in, (LocalDate) permit[0], decision, decidedOn, validUntil);
        in.check();
        jdbc.sql("UPDATE casework.track_permits SET decision = ?, decided_on = ?, valid_until = ?, decided_by = ? WHERE id = ?")
                .params(d.decision().code(), d.on(), d.validUntil(), user(), permitId).update();
        audit.change(AuditSubject.CASE, caseId, "track: permit " + permitId + " " + d.decision().code());
    }

    /** Records a police or prosecutor contact the worker attended (on or before today). */
    @Transactional
    public long addContact(long caseId, String date, String kind, String note) {
        requireOwn(caseId);
        var in = Input.of(clock);
        LocalDate on = in.requiredDate("date", date, in.past(), "track.error.contact.date");
        PoliceContactKind k = in.requiredCode("kind", kind, PoliceContactKind.class, "track.error.contact.kind");
        String n = in.text("note", note, CaseworkLimits.TRACK_CONTACT_NOTE.max(), "track.error.note");
        in.check();
        long id = jdbc.sql("""
                INSERT INTO casework.track_contacts (case_id, contact_date, kind, note, created_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(caseId, on, k.code(), n, user()).query(Long.class).single();
        audit.change(AuditSubject.CASE, caseId, "track: contact " + id + " (" + k.code() + ") recorded");
        return id;
    }

    /** Records an application to IOM's voluntary return programme, with the (planned) return date if known. */
    @Transactional
    public long applyForReturn(long caseId, String appliedOn, String returnDate) {
        requireOwn(caseId);
        var in = Input.of(clock);
        LocalDate applied = in.requiredDate("appliedOn", appliedOn, in.past(), "track.error.return.appliedOn");
        LocalDate returned = notBefore(in, "returnDate", returnDate, in.anyDate(), "track.error.return.returnDate",
                applied);
        in.check();
        long id = jdbc.sql("""
                INSERT INTO casework.track_returns (case_id, applied_on, return_date, created_by)
                VALUES (?, ?, ?, ?) RETURNING id""")
                .params(caseId, applied, returned, user()).query(Long.class).single();
        audit.change(AuditSubject.CASE, caseId, "track: return programme " + id + " applied");
        return id;
    }

    /** Sets (or corrects) the return date while the follow-up is not yet done. */
    @Transactional
    public void recordReturn(long caseId, long returnId, String returnDate) {
        requireOwn(caseId);
        var row = returnRow(caseId, returnId);
        if (row.followUpDoneOn() != null) {
            throw InvalidInput.of("returnDate", "track.error.return.done");
        }
        var in = Input.of(clock);
        LocalDate returned = requiredNotBefore(in, "returnDate", returnDate, in.anyDate(),
                "track.error.return.returnDate", row.appliedOn());
        in.check();
        jdbc.sql("UPDATE casework.track_returns SET return_date = ? WHERE id = ?").params(returned, returnId).update();
        audit.change(AuditSubject.CASE, caseId, "track: return programme " + returnId + " return date set");
    }

    /** Marks the follow-up after a return done (after the return, on or before today); ends its reminder. */
    @Transactional
    public void followUpDone(long caseId, long returnId, String doneOn) {
        requireOwn(caseId);
        var row = returnRow(caseId, returnId);
        if (row.followUpDoneOn() != null) {
            throw InvalidInput.of("followUpDoneOn", "track.error.return.done");
        }
        if (row.returnDate() == null) {
            throw InvalidInput.of("followUpDoneOn", "track.error.return.notReturned");
        }
        var in = Input.of(clock);
        LocalDate done = requiredNotBefore(in, "followUpDoneOn", doneOn, in.past(),
                "track.error.return.followUpDoneOn", row.returnDate());
        in.check();
        jdbc.sql("UPDATE casework.track_returns SET follow_up_done_on = ?, follow_up_done_by = ? WHERE id = ?")
                .params(done, user(), returnId).update();
        audit.change(AuditSubject.CASE, caseId, "track: return programme " + returnId + " follow-up done");
    }

    /** Records contact with the person's home municipality (an SCB code from the register, or abroad). */
    @Transactional
    public long linkHome(long caseId, String municipality, String contactedOn, String note) {
        requireOwn(caseId);
        var in = Input.of(clock);
        String code = Input.blankToNull(municipality);
        if (code == null || !code.equals(HomeMunicipalityLink.ABROAD) && (!MunicipalityCode.isValid(code)
                || municipalities.find(MunicipalityCode.of(code)).isEmpty())) {
            in.reject("municipality", "track.error.home.municipality");
        }
        LocalDate on = in.requiredDate("contactedOn", contactedOn, in.past(), "track.error.home.contactedOn");
        String n = in.text("note", note, CaseworkLimits.TRACK_HOME_NOTE.max(), "track.error.note");
        in.check();
        long id = jdbc.sql("""
                INSERT INTO casework.track_home_links (case_id, municipality, contacted_on, note, created_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(caseId, code, on, n, user()).query(Long.class).single();
        audit.change(AuditSubject.CASE, caseId, "track: home municipality " + code + " contacted");
        return id;
    }

    private record Decision(PermitDecision decision, LocalDate on, LocalDate validUntil) {
    }

    /** A decision: made on or after the application and not in the future; a granted permit needs its end. */
    private static Decision decision(Input in, LocalDate applied, String decision, String decidedOn,
            String validUntil) {
        PermitDecision d = in.requiredCode("decision", decision, PermitDecision.class, "track.error.permit.decision");
        LocalDate on = requiredNotBefore(in, "decidedOn", decidedOn, in.past(), "track.error.permit.decidedOn", applied);
        LocalDate until = null;
        if (d == PermitDecision.REFUSED && Input.blankToNull(validUntil) != null) {
            in.reject("validUntil", "track.error.permit.validUntil.refused");
        } else if (d == PermitDecision.GRANTED) {
            // not before the decision as typed, even when that date is itself refused
            until = in.requiredDate("validUntil", validUntil, in.anyDate().from(Input.readDate(decidedOn)),
                    "track.error.permit.validUntil");
        }
        return new Decision(d, on, d == PermitDecision.REFUSED ? null : until);
    }

    private record ReturnRow(LocalDate appliedOn, LocalDate returnDate, LocalDate followUpDoneOn) {
    }

    private ReturnRow returnRow(long caseId, long returnId) {
        return jdbc.sql("SELECT applied_on, return_date, follow_up_done_on FROM casework.track_returns WHERE id = ? AND case_id = ?")
                .params(returnId, caseId)
                .query((rs, n) -> new ReturnRow(rs.getObject("applied_on", LocalDate.class),
                        rs.getObject("return_date", LocalDate.class), rs.getObject("follow_up_done_on", LocalDate.class)))
                .optional().orElseThrow(CaseAccess::notFound);
    }

    /** Visible, else 404; of the user's own unit, else 403 (a shared or emergency view reads but never records). */
    private void requireOwn(long caseId) {
        var scope = access.scope();
        access.requireRecords(scope, caseId);
        String unit = jdbc.sql("SELECT unit_code FROM casework.cases WHERE id = ?").param(caseId).query(String.class).single();
        if (!access.inOwnUnit(scope, UnitCode.of(unit))) {
            throw new AccessDeniedException("Only the case's own unit records its trafficking track");
        }
    }

    private String municipalityName(String code) {
        if (HomeMunicipalityLink.ABROAD.equals(code) || !MunicipalityCode.isValid(code)) {
            return null;
        }
        return municipalities.find(MunicipalityCode.of(code)).map(Municipality::name).orElse(code);
    }

    /**
     * An optional date in {@code range} and not before an earlier one: the message names that date when it is known
     * ({@code messageKey}), or says it plainly ({@code messageKey.plain}).
     */
    private static LocalDate notBefore(Input in, String field, String value, DateRange range, String messageKey,
            LocalDate earliest) {
        return earliest == null ? in.date(field, value, range, messageKey + ".plain")
                : in.date(field, value, range.from(earliest), messageKey, earliest.toString());
    }

    private static LocalDate requiredNotBefore(Input in, String field, String value, DateRange range,
            String messageKey, LocalDate earliest) {
        return earliest == null ? in.requiredDate(field, value, range, messageKey + ".plain")
                : in.requiredDate(field, value, range.from(earliest), messageKey, earliest.toString());
    }

    private static String user() {
        return CurrentUser.require().username();
    }
}
