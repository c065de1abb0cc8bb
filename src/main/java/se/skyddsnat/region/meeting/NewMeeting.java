package se.skyddsnat.region.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * A meeting that has been held, to record: when, which group, the municipalities that
 * took part, what was decided. A date or kind that was missing or unreadable is null, and
 * so is a municipality code that could not be read, for {@link Meetings#record} to name
 * on its field.
 */
public record NewMeeting(LocalDate date, MeetingKind kind, List<MunicipalityCode> municipalities, String decisions) {

	public NewMeeting {
		// may hold nulls (codes that could not be read), so not List.copyOf
		municipalities = municipalities == null ? List.of()
				: Collections.unmodifiableList(new ArrayList<>(municipalities));
	}
}
