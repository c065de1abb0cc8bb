package se.skyddsnat.region.meeting;

import java.util.List;

/**
 * A year's meetings, newest first, and whether the steering group met as often as the
 * agreement asks (at least three times a year). For the current year the count is "so
 * far".
 */
public record MeetingYear(int year, boolean current, List<Meeting> meetings) {

	/** The agreement's minimum number of steering-group meetings a year. */
	public static final int MINIMUM_STEERING_MEETINGS = 3;

	public MeetingYear {
		meetings = List.copyOf(meetings);
	}

	public long steeringMeetings() {
		return meetings.stream().filter(m -> m.kind() == MeetingKind.STEERING).count();
	}

	public long preparationMeetings() {
		return meetings.stream().filter(m -> m.kind() == MeetingKind.PREPARATION).count();
	}

	public int minimum() {
		return MINIMUM_STEERING_MEETINGS;
	}

	public boolean reached() {
		return steeringMeetings() >= MINIMUM_STEERING_MEETINGS;
	}

	/** Steering-group meetings still needed to reach the minimum (0 when reached). */
	public long remaining() {
		return Math.max(0, MINIMUM_STEERING_MEETINGS - steeringMeetings());
	}
}
