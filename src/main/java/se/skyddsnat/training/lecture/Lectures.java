package se.skyddsnat.training.lecture;

import java.sql.Array;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.Role;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.training.LectureAudience;
import se.skyddsnat.training.TrainingLimits;

/**
 * Recording and listing lectures ({@link Permission#ORGANISE_TRAINING}; a non-coordinator
 * for their own units).
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Lectures {

	public record Lecture(long id, LocalDate heldOn, String title, LectureAudience audience, List<String> units,
			int headCount) {
	}

	private final JdbcClient jdbc;

	private final UnitDirectory units;

	private final Clock clock;

	@Transactional
	public long record(String date, String title, String audience, List<String> unitCodes, String headCount) {
		CurrentUser user = CurrentUser.require(Permission.ORGANISE_TRAINING);
		var in = Input.of(clock);
		LocalDate d = in.requiredDate("heldOn", date, in.past(), "training.error.heldOn");
		String t = in.required("title", title, TrainingLimits.LECTURE_TITLE, "training.error.title");
		LectureAudience a = in.requiredCode("audience", audience, LectureAudience.class,
				"training.error.lectureAudience");
		Integer n = in.integer("headCount", headCount, 0, 100_000, "training.error.headCount");
		if (n == null && !in.failed("headCount")) {
			in.reject("headCount", "training.error.headCount");
		}
		var codes = new ArrayList<String>();
		for (String c : unitCodes == null ? List.<String>of() : unitCodes) {
			UnitCode u = Input.readUnit(c);
			if (u == null || units.find(u).isEmpty()) {
				in.reject("units", "training.error.unit");
			}
			else if (!codes.contains(u.value())) {
				codes.add(u.value());
			}
		}
		if (!in.failed("units") && !user.hasRole(Role.COORDINATOR)
				&& codes.stream().noneMatch(c -> user.belongsTo(UnitCode.of(c)))) {
			in.reject("units", "training.error.ownUnit");
		}
		in.check();
		return jdbc.sql("""
				INSERT INTO training.lectures (held_on, title, audience, units, head_count, recorded_by)
				VALUES (?, ?, ?, ?::varchar[], ?, ?) RETURNING id""")
			.params(d, t, a.code(), "{" + String.join(",", codes) + "}", n, user.username())
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public List<Lecture> recent() {
		CurrentUser.require(Permission.ORGANISE_TRAINING);
		return jdbc.sql("SELECT * FROM training.lectures ORDER BY held_on DESC, id DESC LIMIT 200")
			.query((rs, n) -> new Lecture(rs.getLong("id"), rs.getObject("held_on", LocalDate.class),
					rs.getString("title"), Input.codeOf(LectureAudience.class, rs.getString("audience")),
					list(rs.getArray("units")), rs.getInt("head_count")))
			.list();
	}

	private static List<String> list(Array a) throws java.sql.SQLException {
		return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
	}

}
