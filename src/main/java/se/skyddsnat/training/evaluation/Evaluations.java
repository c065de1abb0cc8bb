package se.skyddsnat.training.evaluation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.shared.Input;
import se.skyddsnat.training.TrainingFigures;
import se.skyddsnat.training.TrainingLimits;
import se.skyddsnat.training.booking.Bookings;
import se.skyddsnat.training.course.CourseService;

/**
 * Storing anonymous answers and showing a session's results (see the package
 * documentation).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Evaluations {

	private final JdbcClient jdbc;

	private final Bookings bookings;

	private final CourseService courses;

	private final Clock clock;

	/**
	 * Stores the answer and spends the link; false when the link is not good (used,
	 * expired, unknown).
	 */
	@Transactional
	public boolean answer(String token, String satisfaction, String usefulness, String best, String improve) {
		var in = Input.of(clock);
		Integer s = in.integer("satisfaction", satisfaction, 1, 5, "training.error.scale");
		Integer u = in.integer("usefulness", usefulness, 1, 5, "training.error.scale");
		if (s == null && !in.failed("satisfaction")) {
			in.reject("satisfaction", "training.error.scale");
		}
		if (u == null && !in.failed("usefulness")) {
			in.reject("usefulness", "training.error.scale");
		}
		String b = in.text("best", best, TrainingLimits.EVALUATION_BEST);
		String i = in.text("improve", improve, TrainingLimits.EVALUATION_IMPROVE);
		in.check();
		Optional<Long> session = bookings.spendEvaluationToken(token);
		if (session.isEmpty()) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO training.evaluations (id, session_id, satisfaction, usefulness, best, improve)
				VALUES (?, ?, ?, ?, ?, ?)""").params(UUID.randomUUID(), session.get(), s, u, b, i).update();
		return true;
	}

	/**
	 * A session's results: the number of answers, and from
	 * {@value TrainingFigures#MIN_ANSWERS} answers the averages, the share satisfied and
	 * (for its organisers, who alone see this page) the free text.
	 */
	public record Results(long answers, boolean shown, double satisfaction, double usefulness, long satisfied,
			List<String> best, List<String> improve) {

		public long percentSatisfied() {
			return answers == 0 ? 0 : Math.round(100.0 * satisfied / answers);
		}
	}

	@Transactional(readOnly = true)
	public Results results(long sessionId) {
		courses.organisedSession(sessionId);
		long answers = jdbc.sql("SELECT count(*) FROM training.evaluations WHERE session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
		if (answers < TrainingFigures.MIN_ANSWERS) {
			return new Results(answers, false, 0, 0, 0, List.of(), List.of());
		}
		var avg = jdbc.sql("""
				SELECT avg(satisfaction), avg(usefulness), count(*) FILTER (WHERE satisfaction >= 4)
				  FROM training.evaluations WHERE session_id = ?""")
			.param(sessionId)
			.query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2), rs.getLong(3) })
			.single();
		// the free text in a fixed order that says nothing about who answered when
		List<String> best = jdbc
			.sql("SELECT best FROM training.evaluations WHERE session_id = ? AND best IS NOT NULL " + "ORDER BY best")
			.param(sessionId)
			.query(String.class)
			.list();
		List<String> improve = jdbc
			.sql("SELECT improve FROM training.evaluations WHERE session_id = ? "
					+ "AND improve IS NOT NULL ORDER BY improve")
			.param(sessionId)
			.query(String.class)
			.list();
		return new Results(answers, true, avg[0], avg[1], (long) avg[2], best, improve);
	}

}
