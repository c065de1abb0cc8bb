package se.skyddsnat.outreach;

import java.time.LocalDate;
import java.util.List;

/**
 * Encounters were voided (makulerade) as recorded by mistake: one, or all of a voided
 * shift. Their open follow-up (a child's tasks) is closed as "makulerad" in the
 * transaction that voids them. Carries no identity.
 */
public record EncountersVoided(long shiftId, List<Long> encounterIds, LocalDate on, String by) {

	public EncountersVoided {
		encounterIds = List.copyOf(encounterIds);
	}
}
