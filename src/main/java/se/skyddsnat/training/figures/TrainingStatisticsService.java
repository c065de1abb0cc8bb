package se.skyddsnat.training.figures;

import java.util.ArrayList;
import java.time.LocalDate;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.CountTable;
import se.skyddsnat.shared.Input;
import se.skyddsnat.training.LectureAudience;
import se.skyddsnat.training.Profession;
import se.skyddsnat.training.TrainingFigures;
import se.skyddsnat.training.booking.County;

/**
 * The period's counts for the page, its XLSX and the API: read from
 * {@link TrainingFigures}, every people count in one {@link CountTable} (attendances by
 * municipality and by profession add up to the same total; lectures' head counts by
 * audience to theirs; the satisfied are "of whom" of the answers), published suppressed
 * unless the reader turns it off. For {@link Permission#READ_STATISTICS} and organisers.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TrainingStatisticsService {

	private final TrainingFigures figures;

	private final County county;

	private final AuditLog audit;

	private final java.time.Clock clock;

	static void requireReader() {
		CurrentUser user = CurrentUser.require();
		if (!user.may(Permission.READ_STATISTICS) && !user.may(Permission.ORGANISE_TRAINING)) {
			throw new AccessDeniedException("Statistics readers and organisers only");
		}
	}

	/**
	 * The period read from typed text (default: this year so far), checked like every
	 * period.
	 */
	public LocalDate[] period(String from, String to) {
		var in = Input.of(clock);
		LocalDate today = in.today();
		LocalDate f = from == null || from.isBlank() ? today.withDayOfYear(1)
				: in.date("from", from, in.anyDate(), "training.error.from");
		LocalDate t = to == null || to.isBlank() ? today : in.date("to", to, in.anyDate(), "training.error.to");
		if (f != null && t != null && t.isBefore(f)) {
			in.reject("to", "training.error.to");
		}
		in.check();
		return new LocalDate[] { f, t };
	}

	@Transactional(readOnly = true)
	public TrainingStatistics statistics(LocalDate from, LocalDate to, boolean suppress) {
		requireReader();
		var sessions = figures.sessionsHeld(from, to);
		var byMunicipality = figures.attendedByMunicipality(from, to);
		var byProfession = figures.attendedByProfession(from, to);
		var lectures = figures.lectures(from, to);
		var counts = new CountTable<String>();
		var municipalityKeys = new ArrayList<String>();
		var names = county.municipalities();
		long total = 0;
		for (var code : names.keySet()) {
			long n = byMunicipality.getOrDefault(code, 0L);
			counts.count("m." + code, n);
			municipalityKeys.add("m." + code);
			total += n;
		}
		long elsewhere = byMunicipality.entrySet()
			.stream()
			.filter(e -> !names.containsKey(e.getKey()))
			.mapToLong(java.util.Map.Entry::getValue)
			.sum();
		counts.count("m." + County.OTHER, elsewhere);
		municipalityKeys.add("m." + County.OTHER);
		total += elsewhere;
		counts.count("attended", total).sum("attended", municipalityKeys);
		var professionKeys = new ArrayList<String>();
		for (Profession p : Profession.values()) {
			counts.count("p." + p.code(), byProfession.getOrDefault(p, 0L));
			professionKeys.add("p." + p.code());
		}
		counts.sum("attended", professionKeys);
		var audienceKeys = new ArrayList<String>();
		for (LectureAudience a : LectureAudience.values()) {
			counts.count("h." + a.code(), lectures.headCountByAudience().getOrDefault(a, 0L));
			audienceKeys.add("h." + a.code());
		}
		counts.count("heads", lectures.headCount()).sum("heads", audienceKeys);
		var satisfaction = figures.satisfaction(from, to);
		satisfaction.ifPresent(
				s -> counts.count("sat.yes", s.satisfied()).count("sat.all", s.answers()).atMost("sat.yes", "sat.all"));
		var shown = counts.publish(suppress);

		var municipalities = new ArrayList<TrainingStatistics.Row>();
		names.forEach(
				(code, name) -> municipalities.add(new TrainingStatistics.Row(code, name, shown.get("m." + code))));
		municipalities.add(new TrainingStatistics.Row(County.OTHER, null, shown.get("m." + County.OTHER)));
		var professions = new ArrayList<TrainingStatistics.Row>();
		for (Profession p : Profession.values()) {
			professions.add(new TrainingStatistics.Row(p.code(), "training.profession." + p.code(),
					shown.get("p." + p.code())));
		}
		var audiences = new ArrayList<TrainingStatistics.LectureRow>();
		for (LectureAudience a : LectureAudience.values()) {
			audiences.add(new TrainingStatistics.LectureRow(a.code(), lectures.countByAudience().getOrDefault(a, 0L),
					shown.get("h." + a.code())));
		}
		TrainingStatistics.Satisfaction sat = satisfaction.map(s -> {
			var yes = shown.get("sat.yes");
			var all = shown.get("sat.all");
			Long percent = yes.isExact() && all.isExact() && all.value() > 0
					? Math.round(100.0 * yes.value() / all.value()) : null;
			return new TrainingStatistics.Satisfaction(yes, all, percent);
		}).orElse(null);
		return new TrainingStatistics(from, to, suppress, shown.withheld(), sessions.held(),
				sessions.byFormat().getOrDefault(se.skyddsnat.training.SessionFormat.DIGITAL, 0L),
				sessions.byFormat().getOrDefault(se.skyddsnat.training.SessionFormat.PHYSICAL, 0L), municipalities,
				professions, shown.get("attended"), lectures.count(), audiences, shown.get("heads"), sat);
	}

	/**
	 * The same, for a file that leaves the system: audited (period, format, suppression;
	 * no personal data).
	 */
	@Transactional
	public TrainingStatistics forExport(LocalDate from, LocalDate to, boolean suppress) {
		var s = statistics(from, to, suppress);
		audit.record(AuditEvent.of(AuditKind.READ)
			.subject(AuditSubject.TRAINING_SESSION, from + ".." + to)
			.purpose(ReadPurpose.EXPORT)
			.details("training statistics xlsx suppress=" + suppress));
		return s;
	}

}
