package se.skyddsnat.region.meeting;

import java.time.LocalDate;
import java.util.List;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * A meeting of the steering group or the preparation group: when, which municipalities
 * took part, what was decided.
 */
public record Meeting(long id, LocalDate date, MeetingKind kind, List<Participant> municipalities, String decisions) {

	/** A municipality that took part. */
	public record Participant(MunicipalityCode code, String name) {
	}

	public Meeting {
		municipalities = List.copyOf(municipalities);
	}

	/** The decisions line by line, for display; empty when none were noted. */
	public List<String> decisionLines() {
		return decisions == null ? List.of() : decisions.lines().toList();
	}
}
