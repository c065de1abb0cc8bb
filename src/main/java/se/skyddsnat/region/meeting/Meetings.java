package se.skyddsnat.region.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.RegionLimits;
import se.skyddsnat.shared.Input;

/**
 * Meetings of the regional offer's steering group and preparation group. COORDINATOR and
 * ADMIN record them; MANAGER and ANALYST read. Each year shows whether the steering group
 * met the agreement's minimum.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Meetings implements se.skyddsnat.region.GroupMeetings {

	public static final int MAX_DECISIONS = RegionLimits.MEETING_DECISIONS.max();

	private final MeetingStore store;

	private final Municipalities municipalities;

	private final AuditLog audit;

	private final Clock clock;

	/**
	 * Every year from the first recorded meeting (or this year) to this year, newest
	 * first, empty years included.
	 */
	public List<MeetingYear> years() {
		CurrentUser.require(Permission.READ_REGIONAL_OFFER);
		int thisYear = LocalDate.now(clock).getYear();
		int from = Math.min(store.firstYear(thisYear), thisYear);
		var byYear = new HashMap<Integer, List<Meeting>>();
		for (Meeting m : store.between(LocalDate.of(from, 1, 1), LocalDate.of(thisYear, 12, 31))) {
			byYear.computeIfAbsent(m.date().getYear(), y -> new ArrayList<>()).add(m);
		}
		var years = new ArrayList<MeetingYear>();
		for (int year = thisYear; year >= from; year--) {
			years.add(new MeetingYear(year, year == thisYear, byYear.getOrDefault(year, List.of())));
		}
		return years;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Held> between(LocalDate from, LocalDate to) {
		CurrentUser.require(Permission.READ_REGIONAL_OFFER);
		return store.between(from, to)
			.reversed()
			.stream()
			.map(m -> new Held(m.date(), m.kind() == MeetingKind.STEERING, m.decisions()))
			.toList();
	}

	/** One year's meetings, newest first. */
	public MeetingYear year(int year) {
		CurrentUser.require(Permission.READ_REGIONAL_OFFER);
		return new MeetingYear(year, year == LocalDate.now(clock).getYear(),
				store.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
	}

	/** Whether the current user may record meetings (COORDINATOR or ADMIN). */
	public boolean mayRecord() {
		return CurrentUser.get().map(u -> u.may(Permission.MANAGE_REGIONAL_OFFER)).orElse(false);
	}

	/**
	 * Records a meeting that has been held. Fields in errors: date (also for a second
	 * meeting of the kind on the day), kind, municipalities, decisions.
	 */
	@Transactional
	public long record(NewMeeting meeting) {
		CurrentUser user = CurrentUser.require(Permission.MANAGE_REGIONAL_OFFER);
		var in = Input.of(clock);
		in.requiredDate("date", meeting.date(), in.past(), "meeting.error.date");
		if (!in.failed("date") && meeting.kind() != null && store.held(meeting.date(), meeting.kind())) {
			in.reject("date", "meeting.error.duplicate." + meeting.kind().code(), meeting.date().toString());
		}
		if (meeting.kind() == null) {
			in.reject("kind", "meeting.error.kind");
		}
		if (meeting.municipalities().stream().anyMatch(c -> c == null || municipalities.find(c).isEmpty())) {
			in.reject("municipalities", "meeting.error.municipalities");
		}
		String decisions = in.text("decisions", meeting.decisions(), MAX_DECISIONS, "meeting.error.decisions");
		in.check();
		long id = store.insert(meeting.date(), meeting.kind(), decisions, new LinkedHashSet<>(meeting.municipalities()),
				user.username());
		audit.change(AuditSubject.MEETING, id,
				AuditDetails.of("meeting.recorded", AuditDetails.text("meeting.kind." + meeting.kind().code())));
		return id;
	}

}
