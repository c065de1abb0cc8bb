package se.skyddsnat.region;

import java.time.LocalDate;
import java.util.List;

/**
 * The steering group's and the preparation group's meetings as other modules read them
 * (follow-up's report): date, whether it was the steering group, and the decisions noted.
 * The agreement asks for at least {@value #MINIMUM_STEERING_MEETINGS} steering-group
 * meetings a year. COORDINATOR, ADMIN, MANAGER, ANALYST.
 */
public interface GroupMeetings {

	int MINIMUM_STEERING_MEETINGS = 3;

	record Held(LocalDate date, boolean steering, String decisions) {
	}

	/** Meetings held from {@code from} to {@code to} (both inclusive), oldest first. */
	List<Held> between(LocalDate from, LocalDate to);

}
