package se.skyddsnat.followup.assignment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.followup.FollowupLimits;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.Input;

/** Budget assignments and their status reports. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Assignments {

	public record StatusReport(long id, LocalDate date, String account, String report) {
	}

	/** An assignment with its status reports, oldest first. */
	public record Assignment(long id, int year, String text, String committee, List<StatusReport> reports) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	public boolean mayEdit() {
		return CurrentUser.get().map(u -> u.may(Permission.EDIT_FOLLOWUP)).orElse(false);
	}

	/**
	 * The assignments of the years {@code fromYear}–{@code toYear}, by year then as
	 * entered.
	 */
	@Transactional(readOnly = true)
	public List<Assignment> between(int fromYear, int toYear) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		Map<Long, List<StatusReport>> reports = new HashMap<>();
		jdbc.sql("""
				SELECT r.* FROM followup.status_reports r JOIN followup.budget_assignments a ON a.id = r.assignment_id
				 WHERE a.year BETWEEN ? AND ? ORDER BY r.reported_on, r.id""").params(fromYear, toYear).query(rs -> {
			reports.computeIfAbsent(rs.getLong("assignment_id"), k -> new ArrayList<>())
				.add(new StatusReport(rs.getLong("id"), rs.getObject("reported_on", LocalDate.class),
						rs.getString("account"), rs.getString("report")));
		});
		return jdbc.sql("SELECT * FROM followup.budget_assignments WHERE year BETWEEN ? AND ? ORDER BY year DESC, id")
			.params(fromYear, toYear)
			.query((rs, n) -> new Assignment(rs.getLong("id"), rs.getInt("year"), rs.getString("text"),
					rs.getString("committee"), List.copyOf(reports.getOrDefault(rs.getLong("id"), List.of()))))
			.list();
	}

	@Transactional
	public long create(String year, String text, String committee) {
		CurrentUser user = CurrentUser.require(Permission.EDIT_FOLLOWUP);
		var in = Input.of(clock);
		Integer y = in.integer("year", year, 1900, in.today().getYear() + 5, "followup.error.year");
		if (y == null && !in.failed("year")) {
			in.reject("year", "followup.error.year");
		}
		String t = in.required("text", text, FollowupLimits.ASSIGNMENT_TEXT, "followup.error.text");
		String c = in.required("committee", committee, FollowupLimits.ASSIGNMENT_COMMITTEE, "followup.error.committee");
		in.check();
		return jdbc.sql("""
				INSERT INTO followup.budget_assignments (year, text, committee, created_by) VALUES (?, ?, ?, ?)
				RETURNING id""").params(y, t, c, user.username()).query(Long.class).single();
	}

	@Transactional
	public long report(long assignment, String date, String account, String report) {
		CurrentUser user = CurrentUser.require(Permission.EDIT_FOLLOWUP);
		boolean exists = jdbc.sql("SELECT count(*) FROM followup.budget_assignments WHERE id = ?")
			.param(assignment)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			throw new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND);
		}
		var in = Input.of(clock);
		LocalDate d = in.requiredDate("date", date, in.past(), "followup.error.date");
		String a = in.required("account", account, FollowupLimits.STATUS_REPORT_ACCOUNT, "followup.error.account");
		String r = in.text("report", report, FollowupLimits.STATUS_REPORT_REPORT);
		in.check();
		return jdbc.sql("""
				INSERT INTO followup.status_reports (assignment_id, reported_on, account, report, recorded_by)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(assignment, d, a, r, user.username())
			.query(Long.class)
			.single();
	}

}
