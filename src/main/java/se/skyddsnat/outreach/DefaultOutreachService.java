package se.skyddsnat.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.region.CostSplits;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.region.NonJoinedResidentsMet;
import se.skyddsnat.region.RegionalOfferStatus;
import se.skyddsnat.shared.CsvTable;
import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.FirstErrors;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;

@Service
class DefaultOutreachService implements OutreachService {


    private final Shifts shifts;
    private final StatisticsQueries statistics;
    private final UnitDirectory units;
    private final Municipalities municipalities;
    private final CostSplits costSplits;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final OutreachProperties properties;
    private final Clock clock;

    DefaultOutreachService(Shifts shifts, StatisticsQueries statistics, UnitDirectory units,
            Municipalities municipalities, CostSplits costSplits, ApplicationEventPublisher events, AuditLog audit,
            OutreachProperties properties, Clock clock) {
        this.shifts = shifts;
        this.statistics = statistics;
        this.units = units;
        this.municipalities = municipalities;
        this.costSplits = costSplits;
        this.events = events;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A parser that knows today's units and municipalities. */
    ShiftParser parser() {
        return new ShiftParser(units.all().stream().map(u -> u.code()).collect(Collectors.toSet()),
                municipalities.all().stream().map(Municipality::code).collect(Collectors.toSet()), clock);
    }

    @Override
    @Transactional
    public long record(NewShift shift) {
        CurrentUser user = CurrentUser.require();
        if (!user.may(Permission.RECORD_SHIFTS)) {
            throw new AccessDeniedException("Only caseworkers and managers record shifts");
        }
        if (shift.units().stream().noneMatch(user::belongsTo)) {
            throw InvalidInput.of("units", "outreach.error.notYourUnit");
        }
        if (shift.encounters().isEmpty() && shift.kind() == null) {
            throw InvalidInput.of("kind", "outreach.error.required");
        }
        var stored = store(shift, user.username(), false, false);
        audit.record(AuditEvent.of(AuditKind.CHANGE).subject(AuditSubject.SHIFT, stored.shiftId())
                .details("recorded; encounters=" + shift.encounters().size()));
        return stored.shiftId();
    }

    @Override
    @Transactional // not read-only: the read is audited
    public Optional<ShiftView> find(long id) {
        CurrentUser user = CurrentUser.require();
        if (!user.may(Permission.RECORD_SHIFTS)) {
            return Optional.empty();
        }
        Optional<ShiftView> shift = shifts.find(id).filter(s -> s.units().stream().anyMatch(user::belongsTo));
        shift.ifPresent(s -> audit.read(AuditSubject.SHIFT, id, ReadPurpose.VIEW));
        return shift;
    }

    @Override
    @Transactional
    public Optional<ShiftView> findByEncounter(long encounterId) {
        return shifts.shiftOf(encounterId).flatMap(this::find);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ShiftView.Summary> recent(int limit) {
        CurrentUser user = CurrentUser.require();
        if (!user.may(Permission.RECORD_SHIFTS) || user.units().isEmpty()) {
            return List.of();
        }
        return shifts.recent(user.units(), limit);
    }

    @Override
    @Transactional(readOnly = true)
    public OutreachStatistics statistics(LocalDate from, LocalDate to, ShiftKind kind) {
        requireStatistics(from, to);
        return statistics.compute(from, to, kind, properties.weeklyTarget());
    }

    @Override
    public PublishedStatistics publish(LocalDate from, LocalDate to, ShiftKind kind, boolean suppress) {
        requireStatistics(from, to);
        if (!suppress) {
            OutreachStatistics figures = statistics.compute(from, to, kind, properties.weeklyTarget());
            OutreachStatistics joint = kind == ShiftKind.JOINT ? figures
                    : statistics.compute(from, to, ShiftKind.JOINT, properties.weeklyTarget());
            return PublishedStatistics.exact(figures, joint);
        }
        // the usage report's row "outside the offer area" is part of the one table of the period
        Set<String> area = costSplits.forYear(to.getYear(), null).rows().stream().map(r -> r.code().value())
                .collect(Collectors.toSet());
        var kinds = statistics.computeKinds(from, to, properties.weeklyTarget());
        return PublishedStatistics.suppressed(kinds.joint(), kinds.own(), kinds.all(), kind, area);
    }

    /**
     * The figures for a file that leaves the system: the same rules as {@link #publish}, and the export is audited
     * (period, kind, format and whether small counts were suppressed; no personal data).
     */
    public PublishedStatistics publishForExport(LocalDate from, LocalDate to, ShiftKind kind, String format,
            boolean suppress) {
        PublishedStatistics figures = publish(from, to, kind, suppress);
        audit.record(AuditEvent.of(AuditKind.READ).subject(AuditSubject.OUTREACH_STATISTICS, from + ".." + to)
                .purpose(ReadPurpose.EXPORT).details("format=" + format + " kind=" + (kind == null ? "all" : kind.code())
                        + " suppress=" + suppress));
        return figures;
    }

    private void requireStatistics(LocalDate from, LocalDate to) {
        CurrentUser user = CurrentUser.require();
        if (!user.may(Permission.READ_STATISTICS)) {
            throw new AccessDeniedException("Statistics are for coordinators, managers and analysts");
        }
        DatePeriod.of(from, to, LocalDate.now(clock));
        if (from.plusYears(20).isBefore(to)) {
            throw InvalidInput.of("from", "outreach.error.period.long");
        }
    }

    @Override
    @Transactional
    public ImportResult importHistory(ImportFile shiftsCsv, ImportFile encountersCsv, boolean dryRun,
            BiConsumer<Integer, Integer> progress) {
        CurrentUser user = CurrentUser.require();
        if (!user.may(Permission.IMPORT_HISTORY)) {
            throw new AccessDeniedException("Imports are for administrators, coordinators and managers");
        }
        List<NewShift> parsed = new ImportReader(parser(), shifts).read(shiftsCsv, encountersCsv);
        LocalDate historicalBefore = LocalDate.now(clock).minusDays(properties.historicalAfter().toDays());
        int encounters = 0;
        int tasks = 0;
        int notices = 0;
        int historical = 0;
        for (int i = 0; i < parsed.size(); i++) {
            NewShift shift = parsed.get(i);
            boolean old = shift.date().isBefore(historicalBefore);
            historical += old ? 1 : 0;
            encounters += shift.encounters().size();
            if (dryRun) {
                tasks += 2 * (int) shift.encounters().stream().filter(NewEncounter::isMinor).count();
                notices += nonJoinedHomes(shift).size();
            } else {
                var stored = store(shift, user.username(), old, false);
                tasks += 2 * stored.minors();
                notices += stored.notices();
            }
            if (progress != null) {
                progress.accept(i + 1, parsed.size());
            }
        }
        if (!dryRun) {
            audit.record(AuditEvent.of(AuditKind.CHANGE).subject(AuditSubject.SHIFT_IMPORT, null)
                    .details("imported shifts=" + parsed.size() + "; encounters=" + encounters));
        }
        return new ImportResult(parsed.size(), encounters, tasks, notices, historical, dryRun);
    }

    record Stored(long shiftId, int minors, int notices) {
    }

    /**
     * Stores a shift and publishes what follows from it, in the caller's transaction: a task pair
     * per child met, a notice per non-joined home municipality.
     */
    Stored store(NewShift shift, String recordedBy, boolean historical, boolean synthetic) {
        long id = shifts.insert(shift, recordedBy, synthetic);
        int minors = 0;
        for (int i = 0; i < shift.encounters().size(); i++) {
            NewEncounter e = shift.encounters().get(i);
            long encounterId = shifts.insertEncounter(id, i + 1, e);
            if (e.isMinor()) {
                minors++;
                UnitCode unit = e.offeredBy() != null ? e.offeredBy() : shift.units().getFirst();
                MunicipalityCode reportTo = e.home().municipality() != null ? e.home().municipality()
                        : shift.municipality();
                events.publishEvent(new MinorEncountered(id, encounterId, shift.date(), unit, reportTo, historical));
            }
        }
        var nonJoined = nonJoinedHomes(shift);
        nonJoined.forEach((code, counts) -> events.publishEvent(new NonJoinedResidentsMet(id, shift.date(), code,
                counts[0], counts[1], counts[2], historical)));
        return new Stored(id, minors, nonJoined.size());
    }

    /** Home municipalities (not the host) that had not joined the offer on the shift's date, with counts by role. */
    private Map<MunicipalityCode, int[]> nonJoinedHomes(NewShift shift) {
        var counts = new LinkedHashMap<MunicipalityCode, int[]>();
        var status = new HashMap<MunicipalityCode, RegionalOfferStatus>();
        for (NewEncounter e : shift.encounters()) {
            MunicipalityCode home = e.home().municipality();
            if (home == null) {
                continue;
            }
            var s = status.computeIfAbsent(home, c -> municipalities.offerStatusOn(c, shift.date())
                    .orElse(RegionalOfferStatus.UNKNOWN));
            if (s == RegionalOfferStatus.NOT_JOINED || s == RegionalOfferStatus.UNKNOWN) {
                counts.computeIfAbsent(home, c -> new int[3])[e.role().ordinal()]++;
            }
        }
        return counts;
    }

    /**
     * Reads and checks both files completely before anything is written, as streams: of each row only its typed
     * values are kept. Every error is counted; the first {@link FirstErrors#SHOWN} are kept to show.
     */
    static final class ImportReader {

        private static final Comparator<InvalidInput.LineError> ORDER = Comparator
                .comparing(InvalidInput.LineError::file).reversed().thenComparing(InvalidInput.LineError::line);

        private final ShiftParser parser;
        private final Shifts shifts;

        ImportReader(ShiftParser parser, Shifts shifts) {
            this.parser = parser;
            this.shifts = shifts;
        }

        List<NewShift> read(ImportFile shiftsCsv, ImportFile encountersCsv) {
            var errors = new FirstErrors<>(ORDER);
            try (CsvTable.Rows shiftRows = open("shifts", shiftsCsv, ShiftParser.SHIFT_COLUMNS, errors);
                    CsvTable.Rows encounterRows = open("encounters", encountersCsv, ShiftParser.ENCOUNTER_COLUMNS,
                            errors)) {
                if (shiftRows == null || encounterRows == null) {
                    throw rejected(errors);
                }
                var byRef = new LinkedHashMap<String, NewShift>();
                var lineOfRef = new HashMap<String, Integer>();
                forEach("shifts", shiftRows, errors, row -> {
                    extraFields("shifts", row, errors);
                    String ref = row.get("ref");
                    var result = parser.shift(row::get);
                    result.problems().forEach(p -> errors.add(lineError("shifts", row, p)));
                    if (ref.isEmpty()) {
                        errors.add(new InvalidInput.LineError("shifts", row.line(), "ref", "outreach.import.ref.missing"));
                    } else if (lineOfRef.containsKey(ref)) {
                        errors.add(new InvalidInput.LineError("shifts", row.line(), "ref",
                                "outreach.import.ref.duplicate", Input.echo(ref), lineOfRef.get(ref)));
                    } else if (result.ok()) {
                        lineOfRef.put(ref, row.line());
                        byRef.put(ref, result.value());
                    } else if (Input.safe(ref)) {
                        lineOfRef.put(ref, row.line()); // a bad row still names its ref, so its encounters find it
                    }
                });
                var storable = lineOfRef.keySet().stream()
                        .filter(r -> r.length() <= OutreachLimits.SHIFT_REF.max()).toList();
                for (String ref : shifts.existingRefs(storable)) {
                    errors.add(new InvalidInput.LineError("shifts", lineOfRef.get(ref), "ref",
                            "outreach.import.ref.imported", ref));
                }
                var encountersByRef = new HashMap<String, List<NewEncounter>>();
                forEach("encounters", encounterRows, errors, row -> {
                    extraFields("encounters", row, errors);
                    String ref = row.get("shift_ref");
                    var result = parser.encounter(row::get);
                    result.problems().forEach(p -> errors.add(lineError("encounters", row, p)));
                    if (!lineOfRef.containsKey(ref)) {
                        errors.add(new InvalidInput.LineError("encounters", row.line(), "shift_ref",
                                ref.isEmpty() ? "outreach.import.shiftRef.missing" : "outreach.import.shiftRef.unknown",
                                Input.echo(ref)));
                    } else if (result.ok()) {
                        encountersByRef.computeIfAbsent(ref, r -> new ArrayList<>()).add(result.value());
                    }
                });
                if (!errors.isEmpty()) {
                    throw rejected(errors);
                }
                return byRef.values().stream().map(s -> new NewShift(s.ref(), s.date(), s.startTime(), s.endTime(),
                        s.kind(), s.policeOperation(), s.arena(), s.municipality(), s.units(), s.notes(),
                        encountersByRef.getOrDefault(s.ref(), List.of()))).toList();
            }
        }

        private static ImportRejected rejected(FirstErrors<InvalidInput.LineError> errors) {
            return new ImportRejected(errors.first(), errors.total());
        }

        /** The file's rows after a header with exactly the expected columns; null (and the errors) otherwise. */
        private static CsvTable.Rows open(String file, ImportFile csv, List<String> columns,
                FirstErrors<InvalidInput.LineError> errors) {
            if (csv == null || csv.isEmpty()) {
                errors.add(new InvalidInput.LineError(file, 1, null, "outreach.import.file.missing"));
                return null;
            }
            CsvTable.Rows rows;
            try {
                rows = CsvTable.open(csv.open());
            } catch (CsvTable.Unreadable e) {
                errors.add(new InvalidInput.LineError(file, e.line(), null, "outreach.import.file.unreadable",
                        e.getMessage()));
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int before = errors.total();
            Set<String> seen = new HashSet<>();
            for (String column : rows.header()) {
                if (!columns.contains(column)) {
                    errors.add(new InvalidInput.LineError(file, 1, Input.echo(column),
                            "outreach.import.column.unknown", Input.echo(column), String.join(", ", columns)));
                } else if (!seen.add(column)) {
                    errors.add(new InvalidInput.LineError(file, 1, column, "outreach.import.column.twice", column));
                }
            }
            for (String column : columns) {
                if (!rows.header().contains(column)) {
                    errors.add(new InvalidInput.LineError(file, 1, column, "outreach.import.column.missing", column));
                }
            }
            if (errors.total() > before) {
                rows.close();
                return null;
            }
            return rows;
        }

        /** Each row of the file; a file that stops being readable half-way is one more error (its line named). */
        private static void forEach(String file, CsvTable.Rows rows, FirstErrors<InvalidInput.LineError> errors,
                java.util.function.Consumer<CsvTable.Row> action) {
            try {
                for (CsvTable.Row row = rows.next(); row != null; row = rows.next()) {
                    action.accept(row);
                }
            } catch (CsvTable.Unreadable e) {
                errors.add(new InvalidInput.LineError(file, e.line(), null, "outreach.import.file.unreadable",
                        e.getMessage()));
            }
        }

        private static void extraFields(String file, CsvTable.Row row, FirstErrors<InvalidInput.LineError> errors) {
            if (CsvTable.hasExtraFields(row)) {
                errors.add(new InvalidInput.LineError(file, row.line(), null, "outreach.import.extraFields"));
            }
        }

        private static InvalidInput.LineError lineError(String file, CsvTable.Row row, ShiftParser.Problem p) {
            return new InvalidInput.LineError(file, row.line(), p.column(), p.messageKey(), p.args());
        }
    }
}
