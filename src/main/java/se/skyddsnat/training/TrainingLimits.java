package se.skyddsnat.training;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;
import se.skyddsnat.shared.TextLimit;

/**
 * The longest text each field of training takes: the form's maxlength, the service's
 * check, the column.
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum TrainingLimits implements TextLimit {

	COURSE_TITLE(200, "training.courses.title"), COURSE_DESCRIPTION(4000, "training.courses.description"),
	SESSION_PLACE(300, "training.sessions.place"), SESSION_LINK(500, "training.sessions.meeting_link"),
	PARTICIPANT_NAME(200, "training.bookings.name"), PARTICIPANT_EMAIL(254, "training.bookings.email"),
	PARTICIPANT_ORGANISATION(200, "training.bookings.organisation"), PARTICIPANT_NEEDS(1000, "training.bookings.needs"),
	EVALUATION_BEST(2000, "training.evaluations.best"), EVALUATION_IMPROVE(2000, "training.evaluations.improve"),
	LECTURE_TITLE(200, "training.lectures.title"),
	/** The honeypot: never stored. */
	HONEYPOT(200, null);

	private final int max;

	private final String column;

}
