package se.skyddsnat.casework;

import java.util.List;

/**
 * A case to open, as typed; {@code people}: person ids with their role in the case (two
 * for a couple at KAST).
 */
public record NewCase(String unit, String kind, String openedOn, String reason, String responsible, List<Member> people,
		Long encounterId) {

	public record Member(long personId, String role) {
	}
}
