package se.skyddsnat.region.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.shared.Input;

/**
 * The steering group's and the preparation group's meetings for API clients (COORDINATOR,
 * ADMIN, MANAGER, ANALYST).
 */
@RestController
@RequestMapping("/api/v1/region/meetings")
@Tag(name = "region", description = "Municipalities and the regional offer")
@RequiredArgsConstructor
class MeetingApi {

	record ParticipantJson(String code, String name) {
	}

	record MeetingJson(long id, LocalDate date, String kind, List<ParticipantJson> municipalities, String decisions) {
	}

	record YearJson(int year, boolean soFar, long steeringMeetings, long preparationMeetings,
			int minimumSteeringMeetings, boolean reached, List<MeetingJson> meetings) {
	}

	private final Meetings meetings;

	private final Clock clock;

	@GetMapping
	@Operation(summary = "A year's meetings of the steering group and the preparation group, newest first",
			description = "With the number of steering-group meetings against the agreement's minimum of three a year "
					+ "(reached); soFar is true for the current year. kind: steering or preparation. 400 problem+json "
					+ "for a year that is not a year up to this one.")
	YearJson year(
			@RequestParam(required = false) @Parameter(description = "e.g. 2026; default this year") String year) {
		int thisYear = LocalDate.now(clock).getYear();
		var in = Input.of(clock);
		Integer y = in.integer("year", year, 1900, thisYear, "meeting.error.year", Integer.toString(thisYear));
		in.check();
		if (y == null) {
			y = thisYear;
		}
		MeetingYear m = meetings.year(y);
		return new YearJson(m.year(), m.current(), m.steeringMeetings(), m.preparationMeetings(), m.minimum(),
				m.reached(), m.meetings().stream().map(MeetingApi::json).toList());
	}

	private static MeetingJson json(Meeting m) {
		return new MeetingJson(m.id(), m.date(), m.kind().code(),
				m.municipalities().stream().map(p -> new ParticipantJson(p.code().value(), p.name())).toList(),
				m.decisions());
	}

}
